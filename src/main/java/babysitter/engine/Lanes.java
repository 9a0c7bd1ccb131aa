package babysitter.engine;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the parts of one piece of work at once, on the calling thread and on helper threads shared
 * by the whole process. A training step hands out a few dozen pieces of a few hundred
 * microseconds each, so a helper spins for a moment after each part before it parks (waking a
 * parked thread costs tens of microseconds; a spin costs nothing but the core it was going to get
 * anyway).
 *
 * <p>Each thread first takes the part of its own number (the caller part 0, helper i part i), so
 * that a block of a layer is worked on by the same core from one call to the next, then any part
 * no thread has taken yet: when another program has a helper's core, the caller does not wait for
 * a helper the system has not run yet, it takes the part itself. (With each part bound to one
 * thread, one held-up helper held up the whole step.) A part is only waited for once a thread has
 * started it.
 *
 * <p>The split of the work into parts is the caller's and depends only on the number of parts,
 * never on which thread runs a part or when: when another network holds the helpers, the caller
 * runs every part itself, one after the other, with the same results.
 */
public final class Lanes {
    /** How long a helper spins for the next part before it parks. */
    private static final long SPIN_NANOS = 200_000;
    /** The most parts a call is split into at once (more run one after the other on the caller). */
    static final int MAX_PARTS = 64;
    private static volatile Lanes shared;

    /** One piece of work, split into parts. */
    public interface Parts {
        void run(int part);
    }

    private final Helper[] helpers;
    private final ThreadFactory threads;
    private final ReentrantLock inUse = new ReentrantLock();
    /**
     * The number of the current call, counted from 1. Calls only ever get higher numbers, so a
     * helper that still holds an earlier call's number can tell that it is over.
     */
    private volatile long call;
    /** For each part, the number of the last call one of whose threads took it. */
    private final AtomicLongArray takenIn = new AtomicLongArray(MAX_PARTS);
    private final AtomicInteger unfinished = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    // The current call's work, written before its number and read after it.
    private Parts work;
    private int parts;

    private Lanes(int helperCount) {
        this(helperCount, work -> {
            Thread t = new Thread(work);
            t.setDaemon(true);
            return t;
        });
    }

    /** Lanes with {@code helperCount} helpers, whose threads {@code threads} makes (named by the lanes). */
    Lanes(int helperCount, ThreadFactory threads) {
        this.threads = threads;
        this.helpers = new Helper[helperCount];
        for (int i = 0; i < helperCount; i++) {
            helpers[i] = new Helper(i + 1);
        }
    }

    /** The process's helpers: as many as {@link EngineThreads#maximum()} asks for, less the caller. */
    public static Lanes shared() {
        Lanes lanes = shared;
        if (lanes == null) {
            synchronized (Lanes.class) {
                lanes = shared;
                if (lanes == null) {
                    lanes = new Lanes(EngineThreads.maximum() - 1);
                    shared = lanes;
                }
            }
        }
        return lanes;
    }

    /**
     * Runs {@code work.run(p)} for p = 0 … parts − 1 and returns when all have finished; a part's
     * exception is thrown here (the first one, if several failed).
     */
    public void run(int parts, Parts work) {
        if (parts <= 1) {
            work.run(0);
            return;
        }
        if (helpers.length == 0 || parts > MAX_PARTS || inUse.isHeldByCurrentThread() || !inUse.tryLock()) {
            for (int p = 0; p < parts; p++) {
                work.run(p);
            }
            return;
        }
        try {
            failure.set(null);
            unfinished.set(parts);
            this.work = work;
            this.parts = parts;
            long number = call + 1;
            call = number;
            for (int i = 0; i < Math.min(parts - 1, helpers.length); i++) {
                helpers[i].wake();
            }
            takeParts(number, 0, work, parts);
            awaitUnfinished();
            rethrow(failure.get());
        } finally {
            inUse.unlock();
        }
    }

    /**
     * Takes and runs the parts of call {@code number} no thread has taken yet, {@code first}
     * first, while that call is the current one.
     */
    private void takeParts(long number, int first, Parts work, int parts) {
        for (int i = 0; i < parts; i++) {
            int part = (first + i) % parts;
            if (!take(part, number)) {
                continue;
            }
            if (call != number) {
                // That call is over (and this thread holds a later call's work, or none of it):
                // the mark is below the current call's number, so it takes nothing from it.
                return;
            }
            try {
                work.run(part);
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                unfinished.decrementAndGet();
            }
        }
    }

    /**
     * Marks {@code part} as taken in call {@code number}; false if a thread of that call (or a
     * later one) took it first. A thread holding an earlier call's number may change the mark in
     * between: try again then, or the part would be left to nobody.
     */
    private boolean take(int part, long number) {
        while (true) {
            long last = takenIn.get(part);
            if (last >= number) {
                return false;
            }
            if (takenIn.compareAndSet(part, last, number)) {
                return true;
            }
        }
    }

    /** Throws a part's exception (parts run {@code Runnable}-like code: unchecked ones only), if any. */
    private static void rethrow(Throwable failed) {
        if (failed instanceof RuntimeException r) {
            throw r;
        }
        if (failed instanceof Error e) {
            throw e;
        }
    }

    private void awaitUnfinished() {
        int spins = 0;
        while (unfinished.get() > 0) {
            if (++spins < 20_000) {
                Thread.onSpinWait();
            } else {
                // A helper that lost its core in the middle of a part: let it have ours.
                Thread.yield();
            }
        }
    }

    /** A helper thread: takes parts of each new call until none is left. */
    private final class Helper implements Runnable {
        private final int lane;
        private volatile boolean parked;
        private Thread thread;
        /** The number of the last call this helper looked at. */
        private long served;

        Helper(int lane) {
            this.lane = lane;
        }

        /** Makes sure this helper looks at the new call (called with {@link #inUse} held, after its number). */
        void wake() {
            if (thread == null) {
                served = call - 1; // the call being handed out is new to it
                thread = threads.newThread(this);
                thread.setName("engine-lane-" + lane);
                thread.start();
            }
            // call is volatile and written before parked is read; the helper writes parked
            // before it reads call: either it sees the new call or we see it parked.
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            while (true) {
                long spinUntil = System.nanoTime() + SPIN_NANOS;
                long number;
                while ((number = call) == served) {
                    if (System.nanoTime() < spinUntil) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (call == served) {
                            LockSupport.park(this);
                        }
                        parked = false;
                    }
                }
                served = number;
                // Read after the number: this call's work, or a later call's if this one is
                // over (then takeParts runs nothing).
                Parts w = work;
                int n = parts;
                takeParts(number, lane % n, w, n);
            }
        }
    }
}
