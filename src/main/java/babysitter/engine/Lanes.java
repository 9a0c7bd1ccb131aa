package babysitter.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the parts of one piece of work at once, on the calling thread and on helper threads shared
 * by the whole process (with fewer threads than parts, each thread runs several in turn). A training step hands out a few dozen pieces of a
 * few hundred microseconds each, so a helper spins for a moment after each part before it parks
 * (waking a parked thread costs tens of microseconds; a spin costs nothing but the core it was
 * going to get anyway).
 *
 * <p>The split of the work into parts is the caller's and depends only on the number of parts,
 * never on which thread runs a part or when: when another network holds the helpers, the caller
 * runs every part itself, one after the other, with the same results.
 */
public final class Lanes {
    /** How long a helper spins for the next part before it parks. */
    private static final long SPIN_NANOS = 200_000;
    private static volatile Lanes shared;

    /** One piece of work, split into parts. */
    public interface Parts {
        void run(int part);
    }

    private final Helper[] helpers;
    private final ReentrantLock inUse = new ReentrantLock();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Throwable failure;

    private Lanes(int helperCount) {
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
        if (helpers.length == 0 || inUse.isHeldByCurrentThread() || !inUse.tryLock()) {
            for (int p = 0; p < parts; p++) {
                work.run(p);
            }
            return;
        }
        try {
            failure = null;
            // Lane i (0 = this thread) runs parts i, i + lanes, i + 2·lanes, …
            int lanes = Math.min(parts, helpers.length + 1);
            pending.set(lanes - 1);
            for (int i = 1; i < lanes; i++) {
                helpers[i - 1].hand(work, parts, lanes);
            }
            Throwable own = null;
            try {
                for (int p = 0; p < parts; p += lanes) {
                    work.run(p);
                }
            } catch (Throwable e) {
                own = e;
            }
            awaitHelpers();
            rethrow(own != null ? own : failure);
        } finally {
            inUse.unlock();
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

    private void awaitHelpers() {
        int spins = 0;
        while (pending.get() > 0) {
            if (++spins < 20_000) {
                Thread.onSpinWait();
            } else {
                // A helper that lost its core: let it have ours.
                Thread.yield();
            }
        }
    }

    /** A helper thread and the parts it was handed. */
    private final class Helper implements Runnable {
        private final int lane;
        private Parts work;
        private int parts;
        private int lanes;
        private volatile int handed;
        private volatile boolean parked;
        private Thread thread;

        Helper(int lane) {
            this.lane = lane;
        }

        /** Gives this helper its parts of {@code w} (called with {@link #inUse} held). */
        void hand(Parts w, int partCount, int laneCount) {
            if (thread == null) {
                thread = new Thread(this, "engine-lane-" + lane);
                thread.setDaemon(true);
                thread.start();
            }
            // Plain writes, published by the volatile write of handed below.
            work = w;
            parts = partCount;
            lanes = laneCount;
            handed++;
            // handed is volatile and written before parked is read; the helper writes parked
            // before it reads handed: either it sees the new part or we see it parked.
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            int done = 0;
            while (true) {
                long spinUntil = System.nanoTime() + SPIN_NANOS;
                while (handed == done) {
                    if (System.nanoTime() < spinUntil) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (handed == done) {
                            LockSupport.park(this);
                        }
                        parked = false;
                    }
                }
                done++;
                try {
                    for (int p = lane; p < parts; p += lanes) {
                        work.run(p);
                    }
                } catch (Throwable e) {
                    if (failure == null) {
                        failure = e;
                    }
                } finally {
                    pending.decrementAndGet();
                }
            }
        }
    }
}
