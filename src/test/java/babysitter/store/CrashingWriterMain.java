package babysitter.store;

import babysitter.engine.Network;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A child process for {@link CrashRecoveryTest}: trains a small network and writes a run as fast as
 * it can, one step metric per training step and a checkpoint every N steps, until it is killed.
 * Prints {@code RUN <dir>}, then {@code STEP <n>} every 10 steps and {@code CHECKPOINT <id>} after
 * each checkpoint, each only once the record is written, and {@code SAVING <id>} just before a
 * checkpoint is started (so that a test can kill it while it saves). Exits by itself when its standard input
 * closes (the test that started it is gone) or after {@code maxSteps}.
 *
 * <p>Arguments: runsRoot, checkpointEvery, maxSteps.
 */
public final class CrashingWriterMain {

    /** Seed of the training batches: batch i is drawn from DATA_SEED + i. */
    static final long DATA_SEED = 1000;

    private CrashingWriterMain() {
    }

    public static void main(String[] args) throws IOException {
        Path runsRoot = Path.of(args[0]);
        int checkpointEvery = Integer.parseInt(args[1]);
        long maxSteps = Long.parseLong(args[2]);
        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // wait for end of input
                }
            } catch (IOException ignored) {
                // the parent is gone either way
            }
            Runtime.getRuntime().halt(3);
        }, "stdin-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        PrintStream out = System.out;
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = json.createObjectNode().put("seed", 1).put("checkpointEvery", checkpointEvery);
        Network net = StoreTestNets.newNetwork();
        RunWriter w = RunWriter.create(runsRoot, "crash", config, Clock.systemUTC());
        out.println("RUN " + w.dir());
        out.flush();
        for (long i = 0; i < maxSteps; i++) {
            StoreTestNets.trainOneStep(net, DATA_SEED + i);
            w.step(new StepMetric(i, (int) (i / 100), 0, 1.0 / (i + 1), 0.05, 0.9, 1000.0 + i,
                    System.currentTimeMillis()));
            if (i % 10 == 0) {
                out.println("STEP " + i);
                out.flush();
            }
            if ((i + 1) % checkpointEvery == 0) {
                ObjectNode extra = json.createObjectNode().put("stepsTrained", net.steps())
                        .put("nextBatchSeed", DATA_SEED + i + 1);
                String id = String.format("step-%07d", i);
                out.println("SAVING " + id);
                out.flush();
                w.checkpoint(id, net, i, (int) (i / 100), 0, extra);
                out.println("CHECKPOINT " + id);
                out.flush();
            }
        }
        w.close();
        out.println("DONE");
        out.flush();
    }
}
