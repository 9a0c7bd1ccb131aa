package babysitter.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Small run folders written with the real {@link RunWriter}, without training: for library tests. */
public final class FakeRuns {
    private FakeRuns() {
    }

    /**
     * A run of {@code devAccuracies.length} epochs of {@code stepsPerEpoch} steps each, whose dev
     * accuracy at epoch e is {@code devAccuracies[e]} and whose costs fall with it.
     *
     * @param ending "finished", "stopped" or "killed" (no stop event)
     */
    public static Path run(Path root, String name, String data, String optimizer, double alpha, double beta,
                           int stepsPerEpoch, String ending, long createdSecond, double... devAccuracies) {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(createdSecond), ZoneOffset.UTC);
        ObjectNode runJson = Json.object();
        runJson.put("program", "babysitter");
        runJson.put("version", "0.2.0");
        runJson.put("created", Instant.ofEpochSecond(createdSecond).toString());
        ObjectNode config = runJson.putObject("config");
        config.put("name", name);
        config.putObject("data").put("kind", data);
        ObjectNode opt = config.putObject("optimizer");
        opt.put("kind", optimizer.toUpperCase(java.util.Locale.ROOT));
        opt.put("learningRate", alpha);
        opt.put("batchSize", 32);
        config.putObject("network").putArray("hidden").addObject().put("units", 8);
        config.put("epochs", devAccuracies.length);
        config.put("seed", 1);
        runJson.putObject("network").putArray("layerSizes").add(2).add(8).add(3);
        long t0 = createdSecond * 1000;
        try (RunWriter w = RunWriter.create(root, name, runJson, clock)) {
            w.event(new RunEvent(0, 0, 0, new Event.Start(devAccuracies.length), t0));
            long step = 0;
            for (int e = 0; e < devAccuracies.length; e++) {
                double cost = 1.0 - devAccuracies[e];
                for (int s = 0; s < stepsPerEpoch; s++) {
                    w.step(new StepMetric(step, e, 0, cost + 0.1 * (stepsPerEpoch - s) / stepsPerEpoch, alpha, beta,
                            1000, t0 + step * 10, step * 0.01));
                    step++;
                }
                w.epoch(new EpochMetric(e, step, 0, cost, devAccuracies[e], cost + 0.05, devAccuracies[e],
                        cost + 0.06, devAccuracies[e], 0.1, t0 + step * 10, 0.1, step * 0.01));
            }
            if (!ending.equals("killed")) {
                w.event(new RunEvent(step, devAccuracies.length, 0, new Event.Stop(ending.equals("finished")),
                        t0 + step * 10));
            }
            return w.dir();
        }
    }
}
