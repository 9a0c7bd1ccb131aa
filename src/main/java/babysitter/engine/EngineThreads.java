package babysitter.engine;

/**
 * How many threads one network's training step uses: its matrix products are split into that many
 * blocks (and the optimiser's update into as many ranges), run at once on the trainer's thread and
 * helpers ({@link Lanes}). The default is the machine's cores, at most {@value #MAX_DEFAULT}; in
 * the window one core fewer ({@link #useWindowDefault}); the system property {@value #PROPERTY}
 * sets another count for the process, and a thread that runs several networks side by side (a
 * search's trial workers) sets its own with {@link #setForThisThread}.
 *
 * <p>The count is read when a network is made and stays that network's: the split depends on it,
 * so a seeded run's numbers depend on it too (within float rounding, see docs/ENGINE.md).
 */
public final class EngineThreads {
    public static final String PROPERTY = "babysitter.threads";
    static final int MAX_DEFAULT = 4;
    private static final ThreadLocal<Integer> FOR_THIS_THREAD = new ThreadLocal<>();

    private EngineThreads() {
    }

    /** The count for the process: {@value #PROPERTY} if set, else min(cores, {@value #MAX_DEFAULT}). */
    public static int processDefault() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), MAX_DEFAULT));
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= 64) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(PROPERTY + " must be a whole number from 1 to 64, got '" + value + "'");
    }

    /**
     * The window's count for a machine with {@code cores} cores: one fewer than the cores, for
     * the JavaFX thread, the renderer and the display server. Measured on 2 cores, the window
     * trained as fast with one engine thread as with two (about 55,000 samples/s either way, as
     * fast as the headless trainer with one), and was responsive with both (docs/PERFORMANCE.md,
     * "The window"): the free core keeps the rest of the desktop usable at no cost.
     */
    public static int forWindow(int cores) {
        return Math.max(1, Math.min(cores - 1, MAX_DEFAULT));
    }

    /** In a window process: the window's count unless {@value #PROPERTY} says otherwise (call before any network). */
    public static void useWindowDefault() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            System.setProperty(PROPERTY, String.valueOf(forWindow(Runtime.getRuntime().availableProcessors())));
        }
    }

    /** The count a network made on this thread now gets. */
    public static int current() {
        Integer own = FOR_THIS_THREAD.get();
        return own != null ? own : processDefault();
    }

    /**
     * Networks made on this thread from now on split their work into {@code threads} parts, run on
     * at most {@link #maximum()} threads at once.
     */
    public static void setForThisThread(int threads) {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("engine threads must be from 1 to 64, got " + threads);
        }
        FOR_THIS_THREAD.set(threads);
    }

    /** Networks made on this thread from now on use the process's count again. */
    public static void clearForThisThread() {
        FOR_THIS_THREAD.remove();
    }

    /** The most threads any network in this process uses (the process's count). */
    static int maximum() {
        return processDefault();
    }
}
