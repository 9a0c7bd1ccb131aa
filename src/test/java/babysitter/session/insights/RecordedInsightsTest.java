package babysitter.session.insights;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import babysitter.store.RunWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedInsightsTest {

    private static Report.ConfusionReport confusion(int epoch) {
        return new Report.ConfusionReport(epoch, 0, InsightsTest.NAMES, new long[] {epoch, 0, 0, 0, 1, 0, 0, 0, 1});
    }

    @Test
    void keepsTheNewestConfusionMatricesSamplesAndRegionsWithRowsAndPointsFromEarlierLines(@TempDir Path runs)
            throws Exception {
        RunWriter w = RunWriter.create(runs, "r", JsonNodeFactory.instance.objectNode());
        Insights.Encoder enc = new Insights.Encoder();
        for (int e = 0; e < 10; e++) {
            // rows and points are written in epoch 0 only; later lines say "as before"
            w.insight(enc.encode(confusion(e), 1));
            w.insight(enc.encode(InsightsTest.samples(e, 0.125f), 1));
            w.insight(enc.encode(InsightsTest.regions(e, 0.75f), 1));
        }
        Path dir = w.dir();
        w.close();
        Files.writeString(dir.resolve(RunWriter.INSIGHTS), "not json\n{\"type\":\"insight\",\"kind\":\"regi",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        List<String> warnings = new ArrayList<>();
        List<Report> shown = RecordedInsights.read(dir, 3, warnings);

        assertThat(shown).hasSize(5);
        assertThat(shown.subList(0, 3)).extracting(r -> ((Report.ConfusionReport) r).epoch()).containsExactly(7, 8, 9);
        Report.SamplesReport s = (Report.SamplesReport) shown.get(3);
        assertThat(s.epoch()).isEqualTo(9);
        assertThat(s.values()).containsExactly(InsightsTest.samples(9, 0.125f).values());
        Report.RegionsReport g = (Report.RegionsReport) shown.get(4);
        assertThat(g.epoch()).isEqualTo(9);
        assertThat(g.pointsX()).containsExactly(0.75f, 1.25f);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains(RunWriter.INSIGHTS + " line 31: skipped");
        assertThat(warnings.get(1)).contains("line 32: skipped: torn last line");
    }

    @Test
    void aRecordThatCannotBeDecodedIsSkippedAndTheOneBeforeItIsShown(@TempDir Path runs) throws Exception {
        RunWriter w = RunWriter.create(runs, "r", JsonNodeFactory.instance.objectNode());
        Insights.Encoder enc = new Insights.Encoder();
        w.insight(enc.encode(InsightsTest.samples(0, 0.5f), 1));
        var bad = enc.encode(InsightsTest.samples(1, 0.5f), 1);
        var payload = bad.payload();
        payload.put("probabilities", "%%%");
        w.insight(new babysitter.store.InsightRecord(bad.kind(), 1, 0, payload, 1));
        Path dir = w.dir();
        w.close();

        List<String> warnings = new ArrayList<>();
        List<Report> shown = RecordedInsights.read(dir, 500, warnings);

        assertThat(shown).singleElement().extracting(Report.SamplesReport.class::cast)
                .extracting(Report.SamplesReport::epoch).isEqualTo(0);
        assertThat(warnings).singleElement().asString().contains("insight \"samples\" of epoch 2, branch 0: skipped");
    }
}
