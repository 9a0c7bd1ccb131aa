package babysitter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.store.InsightRecord;
import babysitter.store.RunReader;
import babysitter.store.RunWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long run's insights.jsonl (~10 KB an epoch for 2-D data) is not loaded whole: the window and
 * {@code report} open a 20,000-epoch run in a 256 MB heap.
 */
class LongRunInsightsTest {

    @TempDir
    static Path tmp;
    private static Path run;

    /**
     * A {@value LongRunTest#EPOCHS}-epoch run whose every epoch has the confusion matrix, samples and
     * decision regions its first epoch got from training, written as a live run writes them: rows and
     * points once, then "as before".
     */
    @BeforeAll
    static void longRunWithInsights() throws Exception {
        run = LongRunTest.longRun(tmp, 1200); // ~10 KB of insights an epoch
        List<InsightRecord> first = RunReader.read(run).insights();
        assertThat(first).extracting(InsightRecord::kind).containsExactlyInAnyOrder("confusion", "samples", "regions");
        RunWriter w = RunWriter.reopen(run);
        try {
            for (int e = 1; e < LongRunTest.EPOCHS; e++) {
                for (InsightRecord r : first) {
                    ObjectNode p = r.payload();
                    if (p.remove("values") != null) {
                        p.put("valuesAsBefore", true);
                    }
                    if (p.has("pointsX")) {
                        p.remove(List.of("pointsX", "pointsY", "pointLabels"));
                        p.put("pointsAsBefore", true);
                    }
                    w.insight(new InsightRecord(r.kind(), e, r.branch(), p, r.timeMillis()));
                }
            }
        } finally {
            w.close();
        }
        System.out.printf("insights.jsonl of %d epochs: %.1f MB%n", LongRunTest.EPOCHS,
                Files.size(run.resolve(RunWriter.INSIGHTS)) / 1e6);
    }

    @Test
    void theWindowOpensItInA256MegabyteHeap() throws Exception {
        ChildJvm.Result open = ChildJvm.finish(ChildJvm.start(tmp, "open", "256m",
                "babysitter.ui.main.OpenRecordedRunMain", run.toString()), tmp, "open", 300);
        System.out.print(open.out());
        assertThat(open.code()).as(open.err()).isZero();
        assertThat(open.out()).contains("regions epoch " + LongRunTest.EPOCHS + "\n")
                .contains("samples " + LongRunTest.EPOCHS + "\n")
                .contains("confusion " + babysitter.ui.main.MainViewModel.RECENT_CONFUSION + "\n");
    }

    @Test
    void reportWritesItsReportInA256MegabyteHeap() throws Exception {
        Path html = tmp.resolve("report.html");
        ChildJvm.Result report = ChildJvm.run(tmp, "report", "256m", "report", run.toString(), "--out",
                html.toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(Files.readString(html)).contains("<svg");
    }
}
