package babysitter.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the time of a training step goes, for the training benchmark: a lap timer that adds the
 * time since the previous lap to the phase the work just done belongs to. On only when the system
 * property {@value #PROPERTY} is {@code wall} (elapsed time) or {@code cpu} (the trainer thread's
 * CPU time, which other processes on a shared machine barely change; with one OpenBLAS thread
 * the products run on the trainer thread too); otherwise {@link #ON} is a constant false and the
 * JIT drops every call.
 *
 * <p>Laps are taken on the trainer's thread only; with more than one OpenBLAS thread the wall
 * time of the product phase includes the wait for the other threads.
 */
public final class StepPhases {
    public static final String PROPERTY = "babysitter.phases";
    private static final String MODE = System.getProperty(PROPERTY, "");
    static final boolean ON = MODE.equals("wall") || MODE.equals("cpu");
    private static final boolean CPU = MODE.equals("cpu");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The kinds of work in a step. */
    public enum Phase {
        /** Matrix products (OpenBLAS). */
        PRODUCTS,
        /** A product and the element-wise work of its layer, split together by columns across the engine threads. */
        FUSED,
        /** Batch norm, activations, softmax and their derivatives. */
        ELEMENT_WISE,
        /** Copies between ND4J's native arrays and the work arrays. */
        COPIES,
        /** The optimiser's update, with its own copies of parameters and gradients. */
        OPTIMIZER,
        /** Cost, accuracy count, checks. */
        OTHER
    }

    private static final long[] NANOS = new long[Phase.values().length];
    private static long last;

    private StepPhases() {
    }

    /** Starts timing a step: time until the next lap is not counted before this. */
    static void start() {
        if (ON) {
            last = now();
        }
    }

    /** Adds the time since the previous lap (or start) to {@code phase}. */
    static void lap(Phase phase) {
        if (ON) {
            long now = now();
            NANOS[phase.ordinal()] += now - last;
            last = now;
        }
    }

    private static long now() {
        return CPU ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Whether the laps count the trainer thread's CPU time rather than elapsed time. */
    public static boolean cpuTime() {
        return CPU;
    }

    /** Whether laps are being recorded in this process. */
    public static boolean enabled() {
        return ON;
    }

    /** The nanoseconds counted so far per phase. */
    public static Map<Phase, Long> totals() {
        Map<Phase, Long> out = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            out.put(p, NANOS[p.ordinal()]);
        }
        return out;
    }

    /** Forgets what was counted. */
    public static void reset() {
        Arrays.fill(NANOS, 0);
    }
}
