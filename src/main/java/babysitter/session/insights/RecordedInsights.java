package babysitter.session.insights;

import babysitter.session.reports.Report;
import babysitter.store.RunReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The insight reports of a recorded run that its windows show: the newest confusion matrices (at
 * most a given number), the newest samples and the newest decision regions. The run's
 * {@code insights.jsonl} is read in one pass that decodes each record and keeps only these, so a
 * run of many thousands of epochs opens in a small heap (the file is ~10 KB per epoch for 2-D data).
 */
public final class RecordedInsights {

    private RecordedInsights() {
    }

    /**
     * The shown reports of the run in {@code runDir}: the last {@code confusionLimit} confusion
     * matrices in file order, then the last samples and the last regions report, if any. Lines and
     * records that cannot be read are skipped and described in {@code warnings}.
     *
     * @throws IOException naming the file if it cannot be read at all
     */
    public static List<Report> read(Path runDir, int confusionLimit, List<String> warnings) throws IOException {
        if (confusionLimit < 0) {
            throw new IllegalArgumentException("confusionLimit must be 0 or more, got " + confusionLimit);
        }
        Insights.Decoder decoder = new Insights.Decoder();
        ArrayDeque<Report.ConfusionReport> confusion = new ArrayDeque<>();
        Report[] newest = new Report[2]; // samples, regions
        RunReader.readInsights(runDir, warnings, rec -> {
            Report r = decoder.decode(rec, warnings);
            if (r instanceof Report.ConfusionReport c && confusionLimit > 0) {
                if (confusion.size() == confusionLimit) {
                    confusion.removeFirst();
                }
                confusion.addLast(c);
            } else if (r instanceof Report.SamplesReport) {
                newest[0] = r;
            } else if (r instanceof Report.RegionsReport) {
                newest[1] = r;
            }
        });
        List<Report> out = new ArrayList<>(confusion);
        for (Report r : newest) {
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }
}
