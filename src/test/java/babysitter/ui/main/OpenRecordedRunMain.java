package babysitter.ui.main;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Opens the run folder given as the argument the way the window does ({@link MainViewModel#openRun}),
 * without a toolkit, and prints what its windows would show; exit status 0 if the run was shown.
 */
public final class OpenRecordedRunMain {
    private OpenRecordedRunMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long start = System.nanoTime();
        ConcurrentLinkedQueue<Runnable> fx = new ConcurrentLinkedQueue<>();
        MainViewModel vm = new MainViewModel(fx::add, Runnable::run, dir.getParent(), Clock.systemUTC(),
                target -> report -> { });
        vm.openRun(dir);
        Runnable r;
        while ((r = fx.poll()) != null) {
            r.run();
        }
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("status " + vm.progress().statusProperty().get());
        System.out.println("regions " + vm.regions().captionProperty().get());
        var samples = vm.feed().kept(babysitter.session.reports.Report.SamplesReport.class);
        System.out.println("samples " + (samples.isEmpty() ? "none" : samples.get(samples.size() - 1).epoch() + 1));
        System.out.println("confusion " + vm.feed().kept(babysitter.session.reports.Report.ConfusionReport.class).size());
        System.out.printf("opened in %.1f s, %.0f MB of heap in use after%n", (System.nanoTime() - start) / 1e9,
                used / 1e6);
        System.exit(vm.progress().statusProperty().get().startsWith("Recorded run") ? 0 : 1);
    }
}
