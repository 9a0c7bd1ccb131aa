package babysitter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** insights.jsonl: written whole lines at a time, read back equal, damaged lines skipped with a warning. */
class InsightStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static InsightRecord record(String kind, int epoch, int branch) {
        ObjectNode p = JSON.createObjectNode();
        p.putArray("classNames").add("a").add("b");
        p.putArray("counts").add(3).add(1).add(0).add(4);
        p.put("blob", "eJxjYGBgAAAABAAB");
        p.put("text", "line\nbreak ünïcödé");
        return new InsightRecord(kind, epoch, branch, p, 1_700_000_000_000L + epoch);
    }

    @Test
    void eachKindOfInsightComesBackEqualInFileOrder() throws IOException {
        InsightRecord c = record("confusion", 0, 0);
        InsightRecord s = record("samples", 0, 0);
        InsightRecord r = record("regions", 0, 0);
        InsightRecord c1 = record("confusion", 1, 2);
        Path dir;
        try (RunWriter w = RunWriter.create(tmp, "insights", JSON.createObjectNode(), RunRoundTripTest.CLOCK)) {
            dir = w.dir();
            assertThat(dir.resolve(RunWriter.INSIGHTS)).as("created with the first insight").doesNotExist();
            w.insight(c);
            w.insight(s);
            w.epoch(new EpochMetric(0, 10, 0, 1, 0.5, 1, 0.5, 1, 0.5, 1, 1_700_000_000_000L));
            w.insight(r);
            w.insight(c1);
        }
        Run run = RunReader.read(dir);
        assertThat(run.warnings()).isEmpty();
        assertThat(run.insights()).containsExactly(c, s, r, c1);
        assertThat(run.insights().get(3).payload().get("text").textValue()).isEqualTo("line\nbreak ünïcödé");
        assertThat(run.epochs()).hasSize(1);
        // one line per insight
        assertThat(Files.readAllLines(dir.resolve(RunWriter.INSIGHTS))).hasSize(4)
                .allMatch(l -> l.startsWith("{\"type\":\"insight\""));
    }

    @Test
    void aTornLastLineIsSkippedWithAWarningAndCutOffWhenTheRunIsContinued() throws IOException {
        Path dir;
        try (RunWriter w = RunWriter.create(tmp, "torn", JSON.createObjectNode(), RunRoundTripTest.CLOCK)) {
            dir = w.dir();
            w.insight(record("confusion", 0, 0));
            w.insight(record("regions", 0, 0));
        }
        Path file = dir.resolve(RunWriter.INSIGHTS);
        byte[] whole = Files.readAllBytes(file);
        // the writer was killed in the middle of the third line; a malformed line sits before it
        Files.write(file, "{\"type\":\"insight\",\"kind\":\"samples\",\"epoch\":0}\n".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        Files.write(file, "{\"type\":\"insight\",\"kind\":\"samples\",\"epo".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        Run run = RunReader.read(dir);
        assertThat(run.insights()).extracting(InsightRecord::kind).containsExactly("confusion", "regions");
        assertThat(run.warnings()).hasSize(2);
        assertThat(run.warnings().get(0)).contains(RunWriter.INSIGHTS).contains("line 3").contains("payload");
        assertThat(run.warnings().get(1)).contains(RunWriter.INSIGHTS).contains("line 4").contains("torn");

        try (RunWriter w = RunWriter.reopen(dir, RunRoundTripTest.CLOCK)) {
            w.insight(record("samples", 1, 1));
        }
        assertThat(Files.size(file)).isGreaterThan(whole.length);
        Run again = RunReader.read(dir);
        assertThat(again.insights()).extracting(InsightRecord::kind).containsExactly("confusion", "regions",
                "samples");
        assertThat(again.insights().get(2).branch()).isEqualTo(1);
        assertThat(again.warnings()).hasSize(1).allMatch(w -> w.contains("line 3"));
    }

    @Test
    void aRecordOfTheWrongFileIsSkippedWithAWarning() throws IOException {
        Path dir;
        try (RunWriter w = RunWriter.create(tmp, "mixed", JSON.createObjectNode(), RunRoundTripTest.CLOCK)) {
            dir = w.dir();
            w.insight(record("confusion", 0, 0));
        }
        Files.write(dir.resolve(RunWriter.METRICS), Files.readAllBytes(dir.resolve(RunWriter.INSIGHTS)),
                StandardOpenOption.APPEND);
        Run run = RunReader.read(dir);
        assertThat(run.insights()).hasSize(1);
        assertThat(run.warnings()).singleElement().asString().contains(RunWriter.METRICS)
                .contains("an insight belongs in " + RunWriter.INSIGHTS);
    }

    @Test
    void anInsightNeedsAKindAndNonNegativeNumbers() {
        assertThatThrownBy(() -> new InsightRecord(" ", 0, 0, null, 0)).hasMessageContaining("kind");
        assertThatThrownBy(() -> new InsightRecord("confusion", -1, 0, null, 0)).hasMessageContaining("epoch");
        ObjectNode p = JSON.createObjectNode().put("x", 1);
        InsightRecord r = new InsightRecord("confusion", 0, 0, p, 0);
        p.put("x", 2);
        r.payload().put("x", 3);
        assertThat(r.payload().get("x").intValue()).as("deep-copied in and out").isEqualTo(1);
    }
}
