package babysitter.store;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.Network;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an interrupted writer or a damaged file leaves behind is skipped with a warning, and reopen repairs it. */
class RunRepairTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static StepMetric step(long i) {
        return new StepMetric(i, 0, 0, 1.0 / (i + 1), 0.01, 0.9, 1000, 1_000 + i);
    }

    private Path runWithSteps(int n) {
        try (RunWriter w = RunWriter.create(tmp, "repair", JSON.createObjectNode().put("seed", 1),
                RunRoundTripTest.CLOCK)) {
            for (int i = 0; i < n; i++) {
                w.step(step(i));
            }
            w.event(new RunEvent(0, 0, 0, new Event.Start(1), 5));
            return w.dir();
        }
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void aTornLastLineIsSkippedWithAWarningAndReopenCutsItOff() throws IOException {
        Path dir = runWithSteps(3);
        Path metrics = dir.resolve(RunWriter.METRICS);
        String whole = new String(JsonLines.line(JsonLines.toJson(step(3))), StandardCharsets.UTF_8);
        append(metrics, whole.substring(0, whole.length() / 2));
        Path events = dir.resolve(RunWriter.EVENTS);
        String tornEvent = "{\"type\":\"event\",\"kind\":\"pa";
        append(events, tornEvent);

        Run torn = RunReader.read(dir);
        assertThat(torn.steps()).containsExactly(step(0), step(1), step(2));
        assertThat(torn.events()).hasSize(1);
        assertThat(torn.warnings()).containsExactly(
                metrics + " line 4: skipped: torn last line of " + whole.length() / 2
                        + " bytes without '\\n' (the writer was interrupted)",
                events + " line 2: skipped: torn last line of " + tornEvent.length() + " bytes without '\\n' (the writer was interrupted)");

        try (RunWriter w = RunWriter.reopen(dir, RunRoundTripTest.CLOCK)) {
            assertThat(w.dir()).isEqualTo(dir);
            w.step(step(3));
            w.step(step(4));
            w.event(new RunEvent(5, 0, 0, new Event.Resume(), 6));
        }
        Run repaired = RunReader.read(dir);
        assertThat(repaired.warnings()).isEmpty();
        assertThat(repaired.steps()).containsExactly(step(0), step(1), step(2), step(3), step(4));
        assertThat(repaired.events()).extracting(RunEvent::kind).containsExactly("start", "resume");
        assertThat(Files.readAllLines(metrics)).hasSize(5);
    }

    @Test
    void aCompleteJsonObjectWithoutItsNewlineCountsAsTornToo() throws IOException {
        Path dir = runWithSteps(2);
        Path metrics = dir.resolve(RunWriter.METRICS);
        String whole = new String(JsonLines.line(JsonLines.toJson(step(2))), StandardCharsets.UTF_8);
        append(metrics, whole.substring(0, whole.length() - 1));
        assertThat(RunReader.read(dir).steps()).hasSize(2);
        RunWriter.reopen(dir).close();
        assertThat(Files.readString(metrics)).endsWith("\n").doesNotContain("\"step\":2,");
    }

    @Test
    void reopenLeavesACleanFileAlone() throws IOException {
        Path dir = runWithSteps(4);
        byte[] before = Files.readAllBytes(dir.resolve(RunWriter.METRICS));
        assertThat(RunWriter.repairTornLine(dir.resolve(RunWriter.METRICS))).isZero();
        RunWriter.reopen(dir).close();
        assertThat(Files.readAllBytes(dir.resolve(RunWriter.METRICS))).isEqualTo(before);
    }

    @Test
    void aFileOfOnlyATornLineIsEmptiedByReopen() throws IOException {
        Path dir = runWithSteps(0);
        Path metrics = dir.resolve(RunWriter.METRICS);
        // longer than the 8 KiB the repair scans backwards at a time
        String torn = "{\"type\":\"step\",\"pad\":\"" + "x".repeat(20_000);
        append(metrics, torn);
        assertThat(Files.size(metrics)).isEqualTo(torn.length());
        assertThat(RunWriter.repairTornLine(metrics)).isEqualTo(torn.length());
        assertThat(Files.size(metrics)).isZero();
    }

    @Test
    void aTornLineAfterALongLineIsCutAtTheRightByte() throws IOException {
        Path dir = runWithSteps(1);
        Path events = dir.resolve(RunWriter.EVENTS);
        ObjectNode big = JSON.createObjectNode().put("text", "y".repeat(30_000));
        try (RunWriter w = RunWriter.reopen(dir)) {
            w.event(new RunEvent(1, 0, 0, new Event.Other("note", big.toString(), null), 7));
        }
        long clean = Files.size(events);
        append(events, "z".repeat(9_000));
        assertThat(RunWriter.repairTornLine(events)).isEqualTo(9_000);
        assertThat(Files.size(events)).isEqualTo(clean);
        Run run = RunReader.read(dir);
        assertThat(run.warnings()).isEmpty();
        assertThat(EventCodec.details(run.events().get(1).event())).isEqualTo(big);
    }

    @Test
    void malformedLinesInTheMiddleAreSkippedWithWarningsAndLaterLinesStillRead() throws IOException {
        Path dir = runWithSteps(0);
        Path metrics = dir.resolve(RunWriter.METRICS);
        String good0 = new String(JsonLines.line(JsonLines.toJson(step(0))), StandardCharsets.UTF_8);
        String good1 = new String(JsonLines.line(JsonLines.toJson(step(1))), StandardCharsets.UTF_8);
        String good2 = new String(JsonLines.line(JsonLines.toJson(step(2))), StandardCharsets.UTF_8);
        append(metrics, good0
                + "{\"type\":\"step\",\"step\":5,\"epo\n"                       // line 2: broken JSON
                + good1
                + "\n"                                                        // line 4: blank
                + "{\"type\":\"step\",\"step\":-1,\"epoch\":0,\"branch\":0,\"cost\":1,\"learningRate\":0.1,"
                + "\"momentum\":0,\"samplesPerSecond\":1,\"timeMillis\":1}\n"  // line 5: invalid value
                + "{\"type\":\"lap\"}\n"                                       // line 6: unknown type
                + "{\"type\":\"step\",\"step\":3}\n"                           // line 7: missing field
                + "[1,2,3]\n"                                                 // line 8: not an object
                + "{\"type\":\"event\",\"kind\":\"x\",\"step\":0,\"epoch\":0,\"branch\":0,\"timeMillis\":0}\n" // 9
                + good2);
        Run run = RunReader.read(dir);
        assertThat(run.steps()).containsExactly(step(0), step(1), step(2));
        assertThat(run.events()).hasSize(1);
        List<String> w = run.warnings();
        assertThat(w).hasSize(7);
        assertThat(w.get(0)).startsWith(metrics + " line 2: skipped: not valid JSON");
        assertThat(w.get(1)).isEqualTo(metrics + " line 4: skipped: blank line");
        assertThat(w.get(2)).isEqualTo(metrics + " line 5: skipped: step must be >= 0, got -1");
        assertThat(w.get(3)).isEqualTo(metrics + " line 6: skipped: unknown type \"lap\"");
        assertThat(w.get(4)).isEqualTo(metrics + " line 7: skipped: field \"epoch\" is missing");
        assertThat(w.get(5)).isEqualTo(metrics + " line 8: skipped: not a JSON object");
        assertThat(w.get(6)).isEqualTo(metrics + " line 9: skipped: an event belongs in events.jsonl");
    }

    @Test
    void leftoverTemporaryAndIncompleteCheckpointsAreSkippedWithWarnings() throws IOException {
        Network net = StoreTestNets.trained(2, 3);
        Path dir;
        try (RunWriter w = RunWriter.create(tmp, "ckpts", JSON.createObjectNode(), RunRoundTripTest.CLOCK)) {
            dir = w.dir();
            w.checkpoint("good", net, 2, 0, 0, null);
        }
        Path checkpoints = dir.resolve(RunWriter.CHECKPOINTS);
        // an interrupted checkpoint: the engine's files are there but not checkpoint.json, still under .tmp-
        Path leftover = checkpoints.resolve(".tmp-step-9-123456789");
        babysitter.engine.NetworkFiles.save(net, leftover);
        // a folder without checkpoint.json under a normal name (copied by hand, half deleted, …)
        Path incomplete = checkpoints.resolve("half");
        babysitter.engine.NetworkFiles.save(net, incomplete);
        // a checkpoint.json that does not parse, and one whose id is not its folder's
        Path broken = Files.createDirectories(checkpoints.resolve("broken"));
        Files.writeString(broken.resolve(RunWriter.CHECKPOINT_JSON), "{\"formatVersion\":1,\"id\":");
        Path renamed = checkpoints.resolve("renamed");
        Files.createDirectories(renamed);
        Files.copy(checkpoints.resolve("good/checkpoint.json"), renamed.resolve(RunWriter.CHECKPOINT_JSON));
        // an unfinished replacement of run.json
        Files.writeString(dir.resolve("run.json.tmp-42"), "{");

        Run run = RunReader.read(dir);
        assertThat(run.checkpoints()).extracting(CheckpointInfo::id).containsExactly("good");
        assertThat(RunReader.loadCheckpoint(run.checkpoints().get(0)).steps()).isEqualTo(2);
        assertThat(run.warnings()).hasSize(5);
        assertThat(run.warnings()).contains(
                leftover + ": skipped: an unfinished checkpoint (temporary folder)",
                incomplete + ": skipped: incomplete checkpoint, checkpoint.json is missing",
                renamed.resolve(RunWriter.CHECKPOINT_JSON) + ": skipped: \"id\" is 'good' but the folder is 'renamed'",
                dir.resolve("run.json.tmp-42") + ": ignored: an unfinished replacement of run.json");
        assertThat(run.warnings()).anySatisfy(w ->
                assertThat(w).startsWith(broken.resolve(RunWriter.CHECKPOINT_JSON) + ": skipped: not valid JSON"));

        // reopen deletes what the writer itself can have left behind, and nothing else
        RunWriter.reopen(dir, RunRoundTripTest.CLOCK).close();
        assertThat(leftover).doesNotExist();
        assertThat(dir.resolve("run.json.tmp-42")).doesNotExist();
        assertThat(incomplete).isDirectory();
        assertThat(RunReader.read(dir).warnings()).hasSize(3);
    }
}
