package babysitter.ui.main;

import babysitter.session.reports.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The JavaFX thread played by a test thread, for a {@link MainViewModel} without a toolkit: what the
 * view-model hands to "the FX thread" and the session's reports wait in queues until {@link #until}.
 */
final class FxPump {
    final ConcurrentLinkedQueue<Report> reports = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Runnable> fx = new ConcurrentLinkedQueue<>();
    private MainViewModel vm;

    /** A view-model whose FX work and reports go through this pump; its runs go under {@code runs}. */
    MainViewModel create(java.nio.file.Path runs) {
        vm = new MainViewModel(fx::add, Runnable::run, runs, MainViewModelTest.CLOCK, target -> reports::add);
        return vm;
    }

    /** Runs the FX work and hands the reports to the view-model until the condition holds (30 s at most). */
    void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            Runnable r;
            while ((r = fx.poll()) != null) {
                r.run();
            }
            List<Report> batch = new ArrayList<>();
            Report rep;
            while ((rep = reports.poll()) != null) {
                batch.add(rep);
            }
            if (!batch.isEmpty()) {
                vm.accept(batch);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            LockSupport.parkNanos(500_000); // leave the cores to the trainer
        }
    }

    /** Pumps for a while, as the window does while a person moves the mouse. */
    void forMillis(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        until(() -> System.nanoTime() > end);
    }
}
