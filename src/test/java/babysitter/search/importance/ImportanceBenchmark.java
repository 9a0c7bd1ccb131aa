package babysitter.search.importance;

import babysitter.search.SearchSpace;
import babysitter.search.Trial;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long the importance of 100 trials × 5 parameters takes (forest of 64 trees, then the
 * decomposition, pairs included): 5 rounds to warm up, then {@code args[0]} (default 20) timed
 * rounds; prints the median, the fastest and the slowest, and the forest's part of the median.
 *
 * <pre>./mvnw -q -o test-compile exec:java -Dexec.mainClass=babysitter.search.importance.ImportanceBenchmark -Dexec.classpathScope=test</pre>
 */
public final class ImportanceBenchmark {
    private ImportanceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        SearchSpace space = ImportanceEstimatorTest.space();
        List<Trial> trials = ImportanceEstimatorTest.trials(space, 100, 42,
                u -> 0.9 - Math.pow(u.get("learningRate") - 0.6, 2) + 0.1 * u.get("batchSize") * u.get("momentum"));
        for (int i = 0; i < 5; i++) {
            ImportanceEstimatorTest.estimate(space, trials, i);
        }
        double[] total = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            Importance imp = ImportanceEstimatorTest.estimate(space, trials, 100 + i);
            total[i] = (System.nanoTime() - t0) / 1e6;
            if (!imp.available()) {
                throw new IllegalStateException(imp.note());
            }
        }
        // the forest alone, on the same points
        double[][] x = new double[trials.size()][];
        double[] y = new double[trials.size()];
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            x[i] = space.params().stream().mapToDouble(p -> p.toUnit(t.values().get(p.name()))).toArray();
            y[i] = t.bestDevAccuracy();
        }
        double[] fit = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            Forest.fit(x, y, Forest.TREES, 100 + i);
            fit[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(total);
        Arrays.sort(fit);
        System.out.printf(Locale.ROOT, "importance of %d trials x %d parameters, %d trees, %d rounds:%n",
                trials.size(), space.params().size(), Forest.TREES, rounds);
        System.out.printf(Locale.ROOT, "  whole estimate  median %.0f ms  fastest %.0f ms  slowest %.0f ms%n",
                total[rounds / 2], total[0], total[rounds - 1]);
        System.out.printf(Locale.ROOT, "  forest alone    median %.0f ms  fastest %.0f ms  slowest %.0f ms%n",
                fit[rounds / 2], fit[0], fit[rounds - 1]);
    }
}
