package babysitter.session.insights;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import babysitter.store.InsightRecord;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class InsightsTest {
    static final List<String> NAMES = List.of("a", "b", "c");

    static Report.SamplesReport samples(int epoch, float first) {
        return new Report.SamplesReport(epoch, 0, NAMES, 2, 0, new float[] {first, -2.5f, Float.MIN_VALUE, 1e9f},
                new int[] {0, 2}, new float[] {0.7f, 0.2f, 0.1f, 1e-7f, 0.3f, 0.6999999f});
    }

    static Report.RegionsReport regions(int epoch, float pointX) {
        return new Report.RegionsReport(epoch, 1, NAMES, -1.5, 2.25, -3, 3, 3, 2, new byte[] {0, 1, 2, 2, 1, 0},
                new float[] {1f, 0.5f, 0.334f, 0.999f, 0.001f, 0.75f}, new float[] {pointX, 1.25f},
                new float[] {0.5f, -2f}, new int[] {2, 0}, new float[] {0.1f, 0.2f, 0.7f, 0.9f, 0.05f, 0.05f});
    }

    static List<Report> roundTrip(List<Report> reports, List<String> warnings) {
        Insights.Encoder enc = new Insights.Encoder();
        List<InsightRecord> records = new ArrayList<>();
        for (Report r : reports) {
            records.add(enc.encode(r, 1000));
        }
        return Insights.decode(records, warnings);
    }

    @Test
    void confusionAndSamplesComeBackExactlyAndRegionsWithinOneByteOfPrecision() {
        Report.ConfusionReport c = new Report.ConfusionReport(4, 2, NAMES, new long[] {5, 0, 1, 0, 7, 0, 2, 0,
            Long.MAX_VALUE});
        Report.SamplesReport s = samples(4, 0.125f);
        Report.RegionsReport g = regions(4, 0.75f);
        List<String> warnings = new ArrayList<>();
        List<Report> back = roundTrip(List.of(c, s, g), warnings);
        assertThat(warnings).isEmpty();
        assertThat(back).hasSize(3);
        assertThat(back.get(0)).isEqualTo(c);
        assertThat(back.get(1)).isEqualTo(s);
        Report.RegionsReport r = (Report.RegionsReport) back.get(2);
        assertThat(r.epoch()).isEqualTo(4);
        assertThat(r.branch()).isEqualTo(1);
        assertThat(r.classNames()).isEqualTo(NAMES);
        assertThat(new double[] {r.xMin(), r.xMax(), r.yMin(), r.yMax()}).containsExactly(-1.5, 2.25, -3, 3);
        assertThat(r.width()).isEqualTo(3);
        assertThat(r.height()).isEqualTo(2);
        assertThat(r.classOf()).isEqualTo(g.classOf());
        assertThat(r.pointsX()).isEqualTo(g.pointsX());
        assertThat(r.pointsY()).isEqualTo(g.pointsY());
        assertThat(r.pointLabels()).isEqualTo(g.pointLabels());
        for (int i = 0; i < 6; i++) {
            assertThat(r.confidence()[i]).isCloseTo(g.confidence()[i], Offset.offset(0.5f / 255 + 1e-6f));
            assertThat(r.pointProbabilities()[i]).isCloseTo(g.pointProbabilities()[i],
                    Offset.offset(0.5f / 255 + 1e-6f));
        }
        assertThat(new Insights.Encoder().encode(new Report.StepReport(1, 0, 0, 0.5, 0.1, 0, 10), 0))
                .as("not an insight").isNull();
    }

    @Test
    void unchangedRowsAndPointsAreWrittenOnceAndTakenFromTheLastLineThatHadThem() {
        Insights.Encoder enc = new Insights.Encoder();
        InsightRecord s0 = enc.encode(samples(0, 1f), 0);
        InsightRecord s1 = enc.encode(samples(1, 1f), 0);
        InsightRecord s2 = enc.encode(samples(2, 9f), 0);
        InsightRecord g0 = enc.encode(regions(0, 0.75f), 0);
        InsightRecord g1 = enc.encode(regions(1, 0.75f), 0);
        assertThat(s0.payload().has("values")).isTrue();
        assertThat(s1.payload().has("values")).isFalse();
        assertThat(s1.payload().get("valuesAsBefore").booleanValue()).isTrue();
        assertThat(s2.payload().has("values")).as("the rows changed").isTrue();
        assertThat(g0.payload().has("pointsX")).isTrue();
        assertThat(g1.payload().has("pointsX")).isFalse();

        List<String> warnings = new ArrayList<>();
        List<Report> back = Insights.decode(List.of(s0, s1, g0, g1, s2), warnings);
        assertThat(warnings).isEmpty();
        assertThat(back.get(1)).isEqualTo(samples(1, 1f));
        assertThat(((Report.RegionsReport) back.get(3)).pointsX()).containsExactly(0.75f, 1.25f);
        assertThat(back.get(4)).isEqualTo(samples(2, 9f));

        // the line with the rows was lost: the records that relied on it are skipped, with a reason
        back = Insights.decode(List.of(s1, g1), warnings);
        assertThat(back).isEmpty();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("\"samples\" of epoch 2").contains("rows were in an earlier line");
        assertThat(warnings.get(1)).contains("\"regions\" of epoch 2").contains("points were in an earlier line");
    }

    @Test
    void damagedOrUnknownPayloadsAreSkippedWithAClearWarning() {
        Insights.Encoder enc = new Insights.Encoder();
        InsightRecord good = enc.encode(regions(0, 0.75f), 0);
        com.fasterxml.jackson.databind.node.ObjectNode p = good.payload();
        p.put("classOf", "not base64 !!");
        InsightRecord badBase64 = new InsightRecord("regions", 0, 0, p, 0);
        com.fasterxml.jackson.databind.node.ObjectNode q = good.payload();
        q.put("classOf", Insights.pack(new byte[] {0, 1}));
        InsightRecord wrongSize = new InsightRecord("regions", 0, 0, q, 0);
        com.fasterxml.jackson.databind.node.ObjectNode cut = good.payload();
        String packed = cut.get("confidence").textValue();
        cut.put("confidence", packed.substring(0, 4));
        InsightRecord cutShort = new InsightRecord("regions", 0, 0, cut, 0);
        InsightRecord unknown = new InsightRecord("histogram", 3, 0, null, 0);
        com.fasterxml.jackson.databind.node.ObjectNode counts = enc.encode(new Report.ConfusionReport(0, 0,
                List.of("x"), new long[] {1}), 0).payload();
        counts.putArray("counts").add("one");
        InsightRecord badCounts = new InsightRecord("confusion", 0, 0, counts, 0);

        List<String> warnings = new ArrayList<>();
        List<Report> back = Insights.decode(List.of(badBase64, wrongSize, cutShort, unknown, badCounts, good),
                warnings);
        assertThat(back).hasSize(1);
        assertThat(warnings).hasSize(5);
        assertThat(warnings.get(0)).contains("\"classOf\" is not base64");
        assertThat(warnings.get(1)).contains("width × height");
        assertThat(warnings.get(2)).contains("\"confidence\"");
        assertThat(warnings.get(3)).contains("\"histogram\" of epoch 4").contains("unknown kind");
        assertThat(warnings.get(4)).contains("\"counts\" must hold integers");
    }
}
