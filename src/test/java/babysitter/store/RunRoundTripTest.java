package babysitter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.engine.Network;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 2024-03-05 14:07:09 UTC. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T14:07:09.250Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    static ObjectNode config() {
        ObjectNode c = JSON.createObjectNode();
        c.put("seed", 42);
        c.putObject("hyperparameters").put("learningRate", 0.001).put("optimizer", "ADAM");
        c.putArray("layers").add(784).add(256).add(10);
        return c;
    }

    @Test
    void everyRecordTypeComesBackEqual() throws IOException {
        StepMetric s0 = new StepMetric(0, 0, 0, 2.302585092994046, 1e-3, 0.9, 12345.678, 1_700_000_000_000L);
        StepMetric s1 = new StepMetric(1, 0, 0, Double.NaN, 0.1, Double.NaN, Double.POSITIVE_INFINITY, 1_700_000_000_001L);
        StepMetric s2 = new StepMetric(2, 0, 1, Double.POSITIVE_INFINITY, 0.0, 0.0, Double.NaN, 1_700_000_000_002L);
        StepMetric s3 = new StepMetric(3, 1, 1, -0.0, Double.MIN_VALUE, 0.999, 0.0, 1_700_000_000_003L);
        EpochMetric e0 = new EpochMetric(0, 469, 0, 0.4, 0.875, 0.45, 0.86, 0.47, 0.85, 3.25, 1_700_000_001_000L);
        EpochMetric e1 = new EpochMetric(1, 938, 1, Double.NaN, Double.NaN, Double.POSITIVE_INFINITY, Double.NaN,
                Double.NEGATIVE_INFINITY, 1.0, Double.NaN, 1_700_000_002_000L);
        ObjectNode details = JSON.createObjectNode();
        details.put("from", 0.01).put("to", 0.001).put("text", "line\nbreak \"quoted\" ünïcödé");
        details.putObject("nested").putArray("list").add(1).add(JSON.createObjectNode().put("deep", true)).addNull();
        // a kind this program does not know keeps its details as written
        RunEvent ev0 = new RunEvent(10, 0, 0, new Event.Other("note", details.toString(), null), 1_700_000_000_500L);
        RunEvent ev1 = new RunEvent(11, 0, 0, new Event.Pause(), 1_700_000_000_600L);

        Path dir;
        try (RunWriter w = RunWriter.create(tmp, "mnist", config(), CLOCK)) {
            dir = w.dir();
            w.event(ev0);
            w.step(s0);
            w.step(s1);
            w.epoch(e0);
            w.step(s2);
            w.event(ev1);
            w.step(s3);
            w.epoch(e1);
        }

        Run run = RunReader.read(dir);
        assertThat(run.warnings()).isEmpty();
        assertThat(run.dir()).isEqualTo(dir);
        assertThat(run.config()).isEqualTo(config());
        assertThat(run.steps()).containsExactly(s0, s1, s2, s3);
        assertThat(run.epochs()).containsExactly(e0, e1);
        assertThat(run.events()).containsExactly(ev0, ev1);
        // records compare doubles by their bits: check the special values explicitly as well
        assertThat(run.steps().get(1).cost()).isNaN();
        assertThat(run.steps().get(2).cost()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Double.doubleToRawLongBits(run.steps().get(3).cost()))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(run.epochs().get(1).devCostTrainMode()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(EventCodec.details(run.events().get(0).event()).get("nested").get("list").get(1).get("deep")
                .booleanValue()).isTrue();
        assertThat(EventCodec.details(run.events().get(1).event()).isEmpty()).isTrue();
        assertThat(run.checkpoints()).isEmpty();
    }

    @Test
    void linesAreOneCompactJsonObjectWithATypeAndNonFiniteNumbersAsStrings() throws IOException {
        Path dir;
        try (RunWriter w = RunWriter.create(tmp, "format", config(), CLOCK)) {
            dir = w.dir();
            w.step(new StepMetric(7, 0, 0, Double.NaN, 0.01, 0.9, 100.0, 5));
            w.epoch(new EpochMetric(0, 7, 0, 1.5, 0.5, Double.POSITIVE_INFINITY, Double.NaN, 1.0, 0.25, 2.0, 6));
            w.event(new RunEvent(7, 0, 0, new Event.Other("stop-why", "{\"why\":\"a\\nb\"}", null), 9));
        }
        List<String> metrics = Files.readAllLines(dir.resolve(RunWriter.METRICS), StandardCharsets.UTF_8);
        assertThat(metrics).containsExactly(
                "{\"type\":\"step\",\"step\":7,\"epoch\":0,\"branch\":0,\"cost\":\"NaN\",\"learningRate\":0.01,"
                        + "\"momentum\":0.9,\"samplesPerSecond\":100.0,\"timeMillis\":5}",
                "{\"type\":\"epoch\",\"epoch\":0,\"step\":7,\"branch\":0,\"trainCost\":1.5,\"trainAccuracy\":0.5,"
                        + "\"devCost\":\"Infinity\",\"devAccuracy\":\"NaN\",\"devCostTrainMode\":1.0,"
                        + "\"devAccuracyTrainMode\":0.25,\"seconds\":2.0,\"timeMillis\":6}");
        assertThat(Files.readAllLines(dir.resolve(RunWriter.EVENTS), StandardCharsets.UTF_8)).containsExactly(
                "{\"type\":\"event\",\"kind\":\"stop-why\",\"step\":7,\"epoch\":0,\"branch\":0,"
                        + "\"details\":{\"why\":\"a\\nb\"},\"timeMillis\":9}");
    }

    @Test
    void nullAndNonFiniteStringsAreReadAsDoubles() throws IOException {
        Path dir;
        try (RunWriter w = RunWriter.create(tmp, "nulls", config(), CLOCK)) {
            dir = w.dir();
        }
        Files.writeString(dir.resolve(RunWriter.METRICS),
                "{\"type\":\"epoch\",\"epoch\":2,\"step\":9,\"branch\":0,\"trainCost\":null,\"trainAccuracy\":null,"
                        + "\"devCost\":\"-Infinity\",\"devAccuracy\":0.5,\"devCostTrainMode\":\"NaN\","
                        + "\"devAccuracyTrainMode\":null,\"seconds\":null,\"timeMillis\":6}\n");
        Run run = RunReader.read(dir);
        assertThat(run.warnings()).isEmpty();
        EpochMetric e = run.epochs().get(0);
        assertThat(e.trainCost()).isNaN();
        assertThat(e.trainAccuracy()).isNaN();
        assertThat(e.devCost()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(e.devAccuracy()).isEqualTo(0.5);
        assertThat(e.devCostTrainMode()).isNaN();
        assertThat(e.seconds()).isNaN();
    }

    @Test
    void aCheckpointLoadsBackWithBitIdenticalParametersAndItsExtraState() throws IOException {
        Network net = StoreTestNets.trained(5, 100);
        ObjectNode extra = JSON.createObjectNode();
        extra.putObject("rng").put("seed", 42).put("draws", 1234567890123L);
        extra.putObject("iterator").put("epoch", 1).put("position", 256).putArray("order").add(3).add(1).add(2);
        CheckpointInfo written;
        Path dir;
        try (RunWriter w = RunWriter.create(tmp, "ckpt", config(), CLOCK)) {
            dir = w.dir();
            written = w.checkpoint("step-5", net, 5, 0, 2, extra);
        }
        extra.put("changedAfterwards", true);

        assertThat(written.dir()).isEqualTo(dir.resolve("checkpoints").resolve("step-5"));
        assertThat(written.timeMillis()).isEqualTo(CLOCK.millis());
        assertThat(written.extra().has("changedAfterwards")).isFalse();
        try (var listing = Files.list(dir.resolve("checkpoints"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("step-5");
        }
        assertThat(written.dir().resolve("checkpoint.json")).isRegularFile();
        assertThat(written.dir().resolve("W1.npy")).isRegularFile();

        Run run = RunReader.read(dir);
        assertThat(run.warnings()).isEmpty();
        assertThat(run.checkpoints()).containsExactly(written);
        CheckpointInfo read = run.checkpoints().get(0);
        assertThat(read.extra().get("iterator").get("order").toString()).isEqualTo("[3,1,2]");
        assertThat(read.extra().get("rng").get("draws").longValue()).isEqualTo(1234567890123L);

        Network loaded = RunReader.loadCheckpoint(read);
        assertThat(loaded.config()).isEqualTo(net.config());
        assertThat(loaded.steps()).isEqualTo(5);
        assertThat(StoreTestNets.floatBits(loaded.parameters())).isEqualTo(StoreTestNets.floatBits(net.parameters()));
        assertThat(StoreTestNets.floatBits(loaded.runningMean(1))).isEqualTo(StoreTestNets.floatBits(net.runningMean(1)));
        assertThat(StoreTestNets.floatBits(loaded.runningVar(1))).isEqualTo(StoreTestNets.floatBits(net.runningVar(1)));
        // it trains on exactly like the original
        StoreTestNets.trainOneStep(net, 999);
        StoreTestNets.trainOneStep(loaded, 999);
        assertThat(StoreTestNets.floatBits(loaded.parameters())).isEqualTo(StoreTestNets.floatBits(net.parameters()));
    }

    @Test
    void checkpointsAreSortedByStepThenIdAndAnExistingIdIsAnError() throws IOException {
        Network net = StoreTestNets.trained(1, 7);
        Path dir;
        try (RunWriter w = RunWriter.create(tmp, "order", config(), CLOCK)) {
            dir = w.dir();
            w.checkpoint("b", net, 20, 0, 0, null);
            w.checkpoint("z", net, 10, 0, 0, null);
            w.checkpoint("a", net, 20, 0, 0, null);
            Path before = dir.resolve("checkpoints/a/checkpoint.json");
            String original = Files.readString(before);
            assertThatThrownBy(() -> w.checkpoint("a", net, 30, 1, 0, null))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(FileAlreadyExistsException.class)
                    .hasMessageContaining("'a'")
                    .hasMessageContaining("already exists");
            assertThat(Files.readString(before)).isEqualTo(original);
            assertThatThrownBy(() -> w.checkpoint("../escape", net, 1, 0, 0, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../escape'");
            assertThatThrownBy(() -> w.checkpoint(".tmp-x", net, 1, 0, 0, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not start with '.'");
        }
        Run run = RunReader.read(dir);
        assertThat(run.warnings()).isEmpty();
        assertThat(run.checkpoints()).extracting(CheckpointInfo::id).containsExactly("z", "a", "b");
        try (var listing = Files.list(dir.resolve("checkpoints"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a", "b", "z");
        }
    }

    @Test
    void runJsonIsReplacedAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path dir;
        try (RunWriter w = RunWriter.create(tmp, "update", config(), CLOCK)) {
            dir = w.dir();
            ObjectNode changed = config();
            changed.put("note", "after the learning-rate change");
            w.updateRunJson(changed);
        }
        ObjectNode expected = config().put("note", "after the learning-rate change");
        assertThat(RunReader.read(dir).config()).isEqualTo(expected);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("run.json", "metrics.jsonl", "events.jsonl", "checkpoints", FolderLock.FILE);
        }
    }

    @Test
    void theRunFolderIsNamedAfterTheClockAndTheSanitisedName() throws IOException {
        try (RunWriter w = RunWriter.create(tmp, "Fashion MNIST / Adam α=0.001", config(), CLOCK)) {
            assertThat(w.dir()).isEqualTo(tmp.resolve("20240305-140709-Fashion-MNIST-Adam-0.001"));
            assertThat(w.dir().resolve("run.json")).isRegularFile();
        }
    }

    @Test
    void oddNamesAreSanitised() {
        assertThat(RunWriter.sanitise("simple")).isEqualTo("simple");
        assertThat(RunWriter.sanitise("Über Größe")).isEqualTo("Uber-Gro-e"); // accents dropped; ß has no ASCII base letter
        assertThat(RunWriter.sanitise("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(RunWriter.sanitise("a\\b:c*d?e\"f<g>h|i")).isEqualTo("a-b-c-d-e-f-g-h-i");
        assertThat(RunWriter.sanitise("  lots   of\tspace\n")).isEqualTo("lots-of-space");
        assertThat(RunWriter.sanitise(".hidden")).isEqualTo("hidden");
        assertThat(RunWriter.sanitise("lr_0.01-bn")).isEqualTo("lr_0.01-bn");
        assertThat(RunWriter.sanitise("")).isEqualTo("run");
        assertThat(RunWriter.sanitise("日本語")).isEqualTo("run");
        assertThat(RunWriter.sanitise(null)).isEqualTo("run");
        String longName = "x".repeat(200);
        assertThat(RunWriter.sanitise(longName)).hasSize(RunWriter.MAX_NAME_LENGTH);
        assertThat(RunWriter.sanitise("a".repeat(63) + "-b")).isEqualTo("a".repeat(63));
    }

    @Test
    void runsInTheSameSecondGetSuffixesAndAreListedNewestFirst() throws IOException {
        Clock later = Clock.fixed(Instant.parse("2024-03-05T14:07:10Z"), ZoneOffset.UTC);
        Path a = create("exp", CLOCK);
        Path b = create("exp", CLOCK);
        Path c = create("exp", CLOCK);
        Path d = create("other", later);
        assertThat(a.getFileName().toString()).isEqualTo("20240305-140709-exp");
        assertThat(b.getFileName().toString()).isEqualTo("20240305-140709-exp-2");
        assertThat(c.getFileName().toString()).isEqualTo("20240305-140709-exp-3");
        Files.createDirectory(tmp.resolve("not-a-run"));
        Files.writeString(tmp.resolve("stray.txt"), "x");
        assertThat(RunReader.listRuns(tmp)).containsExactly(d, c, b, a);
        assertThat(RunReader.listRuns(tmp.resolve("missing"))).isEmpty();
    }

    private Path create(String name, Clock clock) {
        try (RunWriter w = RunWriter.create(tmp, name, config(), clock)) {
            return w.dir();
        }
    }

    @Test
    void aClosedWriterRefusesToWrite() {
        RunWriter w = RunWriter.create(tmp, "closed", config(), CLOCK);
        w.close();
        w.close();
        assertThatThrownBy(() -> w.step(new StepMetric(0, 0, 0, 1, 0.1, 0.9, 1, 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void readingAFolderWithoutAValidRunJsonFailsNamingTheFile() throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertThatThrownBy(() -> RunReader.read(empty)).isInstanceOf(IOException.class)
                .hasMessageContaining(empty.resolve("run.json").toString());
        Path bad = Files.createDirectory(tmp.resolve("bad"));
        Files.writeString(bad.resolve("run.json"), "{\"seed\": 4");
        assertThatThrownBy(() -> RunReader.read(bad)).isInstanceOf(IOException.class)
                .hasMessageContaining(bad.resolve("run.json").toString()).hasMessageContaining("not valid JSON");
        Path array = Files.createDirectory(tmp.resolve("array"));
        Files.writeString(array.resolve("run.json"), "[1, 2]");
        assertThatThrownBy(() -> RunReader.read(array)).isInstanceOf(IOException.class)
                .hasMessageContaining(array.resolve("run.json").toString()).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> RunWriter.reopen(empty)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("run.json");
    }
}
