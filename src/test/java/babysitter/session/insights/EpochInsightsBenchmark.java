package babysitter.session.insights;

import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import babysitter.session.training.TrainerTest;
import babysitter.store.EpochMetric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What recording each epoch's insight reports ({@link EpochInsights}: confusion matrix, samples,
 * decision regions for 2 features, written to insights.jsonl) adds to an epoch of the shipped
 * examples (assets/examples/digits.json and spiral.json), trained headless and recorded as the
 * {@code train} command and search trials do. Medians of epochs 2…N. Not a test:
 * {@code ./mvnw -q -o exec:java -Dexec.mainClass=babysitter.session.insights.EpochInsightsBenchmark -Dexec.classpathScope=test}.
 */
public final class EpochInsightsBenchmark {
    private EpochInsightsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        Path tmp = Files.createTempDirectory("insights-bench");
        for (String name : new String[] {"digits", "spiral"}) {
            RunConfig c = ConfigFiles.read(Path.of("assets/examples", name + ".json")).withEpochs(epochs);
            for (int rep = 0; rep < 2; rep++) {
                Trainer t = Runs.start(c, tmp, null, TrainerTest.CLOCK);
                EpochInsights insights = new EpochInsights(t, r -> { });
                List<Double> train = new ArrayList<>();
                List<Double> extra = new ArrayList<>();
                t.addListener(new Trainer.Listener() {
                    @Override
                    public void onEpoch(EpochMetric m) {
                        long t0 = System.nanoTime();
                        insights.onEpoch(m);
                        extra.add((System.nanoTime() - t0) / 1e6);
                    }
                });
                while (!t.finished()) {
                    long t0 = System.nanoTime();
                    t.trainEpoch();
                    train.add((System.nanoTime() - t0) / 1e6);
                }
                t.close();
                long bytes = Files.size(t.runDir().resolve(babysitter.store.RunWriter.INSIGHTS));
                double ms = median(train.subList(1, train.size()));
                double add = median(extra.subList(1, extra.size()));
                System.out.printf(Locale.ROOT, "%s: epoch %.1f ms wall (training, dev evaluation, checkpoint, insights), of which insights %.2f ms"
                        + " (%.1f%%), first epoch's insights %.1f ms; insights.jsonl %,d bytes for %d epochs%n",
                        name, ms, add, 100 * add / ms, extra.get(0), bytes, epochs);
            }
        }
        System.exit(0);
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
