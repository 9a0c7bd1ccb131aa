package babysitter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import babysitter.engine.Network;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real writer process with SIGKILL while it writes metrics and checkpoints as fast as it
 * can, then checks that everything it reported written can be read back and that the run can be
 * continued.
 */
class CrashRecoveryTest {

    private static final int KILLS = 3;
    private static final int CHECKPOINT_EVERY = 25;
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(20);
    private static final String EOF = "\u0000EOF";

    @TempDir
    Path tmp;

    @Test
    void aRunKilledMidWriteReadsBackCompleteAndCanBeContinued() throws Exception {
        int tmpLeftovers = 0;
        int tornLines = 0;
        for (int k = 0; k < KILLS; k++) {
            // kill at a different point each time: twice as a checkpoint starts, once between steps
            long killAfterStep = 300 + 37L * k;
            Path runsRoot = tmp.resolve("runs-" + k);
            Outcome o = runAndKill(runsRoot, killAfterStep, 3, k < 2 ? "SAVING " : "STEP ");
            Run run = RunReader.read(o.runDir);
            tmpLeftovers += (int) run.warnings().stream().filter(w -> w.contains("unfinished checkpoint")).count();
            tornLines += (int) run.warnings().stream().filter(w -> w.contains("torn last line")).count();
            checkCrashedRun(run, o);
            continueRun(o.runDir, run.steps().size());
        }
        System.out.printf("CrashRecoveryTest: %d kills, %d unfinished checkpoint folders, %d torn lines%n",
                KILLS, tmpLeftovers, tornLines);
    }

    private record Outcome(Path runDir, long lastReportedStep, List<String> reportedCheckpoints) {
    }

    /**
     * Starts the writer and kills it as soon as it has reported at least {@code killAfterStep} steps
     * and {@code minCheckpoints} checkpoints and then prints a line starting with {@code killOn}.
     */
    private Outcome runAndKill(Path runsRoot, long killAfterStep, int minCheckpoints, String killOn)
            throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Files.createDirectories(runsRoot);
        Path stderr = runsRoot.resolveSibling(runsRoot.getFileName() + "-stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(javaBin.toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), CrashingWriterMain.class.getName(),
                runsRoot.toString(), Integer.toString(CHECKPOINT_EVERY), "1000000")
                .redirectError(stderr.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process was killed
            }
            lines.add(EOF);
        }, "child-stdout");
        reader.setDaemon(true);
        reader.start();

        Path runDir = null;
        long lastStep = -1;
        List<String> checkpoints = new ArrayList<>();
        long deadline = System.nanoTime() + CHILD_TIMEOUT.toNanos();
        try {
            boolean ready = false;
            while (true) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null || line.equals(EOF)) {
                    fail("the writer process " + (line == null ? "did not get far enough within " + CHILD_TIMEOUT
                            : "ended early") + " (last step " + lastStep + ", " + checkpoints.size()
                            + " checkpoints); its stderr: " + Files.readString(stderr));
                }
                if (line.startsWith("RUN ")) {
                    runDir = Path.of(line.substring(4));
                } else if (line.startsWith("STEP ")) {
                    lastStep = Long.parseLong(line.substring(5));
                } else if (line.startsWith("CHECKPOINT ")) {
                    checkpoints.add(line.substring(11));
                }
                if (ready && line.startsWith(killOn)) {
                    break;
                }
                ready = lastStep >= killAfterStep && checkpoints.size() >= minCheckpoints;
            }
        } finally {
            // SIGKILL while the child keeps writing lines and checkpoints
            p.destroyForcibly();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("the killed writer exits").isTrue();
        }
        assertThat(p.exitValue()).as("exit value of a killed process").isEqualTo(137);
        // the lines printed before the kill are all read by now
        reader.join(TimeUnit.SECONDS.toMillis(5));
        for (String line; (line = lines.poll()) != null; ) {
            if (line.startsWith("STEP ")) {
                lastStep = Long.parseLong(line.substring(5));
            } else if (line.startsWith("CHECKPOINT ")) {
                checkpoints.add(line.substring(11));
            }
        }
        assertThat(runDir).isNotNull();
        return new Outcome(runDir, lastStep, checkpoints);
    }

    private static void checkCrashedRun(Run run, Outcome o) throws IOException {
        // the only damage a kill may leave: a torn last line and an unfinished checkpoint folder
        assertThat(run.warnings()).allSatisfy(w -> assertThat(w).satisfiesAnyOf(
                x -> assertThat(x).startsWith(o.runDir.resolve(RunWriter.METRICS) + " line ")
                        .contains("torn last line"),
                x -> assertThat(x).startsWith(o.runDir.resolve(RunWriter.CHECKPOINTS).resolve(".tmp-step-").toString())
                        .endsWith("an unfinished checkpoint (temporary folder)")));
        assertThat(run.warnings().stream().filter(w -> w.contains("torn")).count()).isLessThanOrEqualTo(1);

        List<StepMetric> steps = run.steps();
        assertThat(steps.size()).as("every step reported written is in the file")
                .isGreaterThan((int) o.lastReportedStep);
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).step()).as("step line %d", i).isEqualTo(i);
        }
        List<String> ids = run.checkpoints().stream().map(CheckpointInfo::id).toList();
        assertThat(ids).as("every checkpoint reported written is listed").containsAll(o.reportedCheckpoints);
        assertThat(ids.size()).isLessThanOrEqualTo(o.reportedCheckpoints.size() + 1);
        for (CheckpointInfo c : run.checkpoints()) {
            assertThat(c.step()).isLessThan(steps.size());
            assertThat((c.step() + 1) % CHECKPOINT_EVERY).isZero();
            Network net = RunReader.loadCheckpoint(c);
            assertThat(net.steps()).as("steps trained in %s", c.id()).isEqualTo(c.step() + 1);
            assertThat(c.extra().get("stepsTrained").longValue()).isEqualTo(c.step() + 1);
        }
        // the last checkpoint holds exactly the network the child had trained to that point
        CheckpointInfo last = run.checkpoints().get(run.checkpoints().size() - 1);
        Network replay = StoreTestNets.newNetwork();
        for (long i = 0; i <= last.step(); i++) {
            StoreTestNets.trainOneStep(replay, CrashingWriterMain.DATA_SEED + i);
        }
        assertThat(StoreTestNets.floatBits(RunReader.loadCheckpoint(last).parameters()))
                .isEqualTo(StoreTestNets.floatBits(replay.parameters()));
    }

    private static void continueRun(Path runDir, int nextStep) throws IOException {
        try (RunWriter w = RunWriter.reopen(runDir)) {
            w.event(new RunEvent(nextStep, nextStep / 100, 0, new Event.Resume(), System.currentTimeMillis()));
            for (int i = nextStep; i < nextStep + 50; i++) {
                w.step(new StepMetric(i, i / 100, 0, 0.5, 0.05, 0.9, 1000, System.currentTimeMillis()));
            }
            w.checkpoint("after-restart", StoreTestNets.trained(1, 5), nextStep + 49, 0, 0, null);
        }
        Run continued = RunReader.read(runDir);
        assertThat(continued.warnings()).isEmpty();
        assertThat(continued.steps()).hasSize(nextStep + 50);
        for (int i = 0; i < continued.steps().size(); i++) {
            assertThat(continued.steps().get(i).step()).isEqualTo(i);
        }
        assertThat(continued.events()).extracting(RunEvent::kind).containsExactly("resume");
        assertThat(continued.checkpoints()).extracting(CheckpointInfo::id).contains("after-restart");
        try (var listing = Files.list(runDir.resolve(RunWriter.CHECKPOINTS))) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }
}
