package babysitter.bench;

import babysitter.store.FakeRuns;
import babysitter.store.RunColumn;
import babysitter.store.RunLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How long the runs library takes to list N small runs (5 epochs of 20 steps each, written by the
 * real {@code RunWriter}) and turn them into the table's text: cold (each summary made from the
 * run's metrics), from the {@code .summary.json} caches (a new program start), and again in the same
 * program (the summaries in memory: what a file-watcher refresh costs). Median of 5 of each.
 *
 * <p>Run: {@code ./mvnw -B -o -q test-compile exec:java -Dexec.mainClass=babysitter.bench.LibraryBenchmark
 * -Dexec.classpathScope=test -Dexec.args="1000 /tmp/library-bench"} (see docs/PERFORMANCE.md).
 */
public final class LibraryBenchmark {

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path root = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("library-bench");
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            FakeRuns.run(root, "run-" + i, i % 2 == 0 ? "spiral" : "moons", "adam", 0.001 * (1 + i % 10), 0.9, 20,
                    i % 3 == 0 ? "stopped" : "finished", 1_700_000_000L + i, 0.5, 0.6, 0.7, 0.75, 0.7 + i % 7 * 0.01);
        }
        System.out.printf("made %d runs in %s in %.1f s%n", n, root, (System.nanoTime() - t) / 1e9);
        double[] cold = new double[5];
        double[] disk = new double[5];
        double[] memory = new double[5];
        for (int r = 0; r < 5; r++) {
            deleteCaches(root);
            cold[r] = time(new RunLibrary(), root, n);
            disk[r] = time(new RunLibrary(), root, n);
            RunLibrary same = new RunLibrary();
            time(same, root, n);
            memory[r] = time(same, root, n);
        }
        System.out.printf("cold (from the metrics):   median %.0f ms  %s%n", median(cold), Arrays.toString(cold));
        System.out.printf("from .summary.json caches: median %.0f ms  %s%n", median(disk), Arrays.toString(disk));
        System.out.printf("again (in memory):         median %.0f ms  %s%n", median(memory), Arrays.toString(memory));
    }

    /** Milliseconds to list the runs and make every cell's text. */
    private static double time(RunLibrary lib, Path root, int n) {
        long t = System.nanoTime();
        RunLibrary.Listing l = lib.list(List.of(root));
        List<String[]> rows = new ArrayList<>();
        for (RunLibrary.Entry e : l.runs()) {
            rows.add(Arrays.stream(RunColumn.values()).map(c -> c.text(e)).toArray(String[]::new));
        }
        double ms = (System.nanoTime() - t) / 1e6;
        if (rows.size() != n || !l.warnings().isEmpty()) {
            throw new IllegalStateException("listed " + rows.size() + " of " + n + " runs: " + l.warnings());
        }
        return Math.round(ms);
    }

    private static void deleteCaches(Path root) throws IOException {
        try (var dirs = Files.list(root)) {
            for (Path d : dirs.toList()) {
                Files.deleteIfExists(d.resolve(RunLibrary.CACHE));
            }
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
