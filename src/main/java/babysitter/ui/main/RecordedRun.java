package babysitter.ui.main;

import babysitter.engine.Hyperparameters;
import babysitter.i18n.Texts;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.RunConfig;
import babysitter.session.insights.RecordedInsights;
import babysitter.session.live.RunHistory;
import babysitter.session.reports.Report;
import babysitter.session.training.Runs;
import babysitter.session.training.Snapshot;
import babysitter.store.Event;
import babysitter.store.Run;
import babysitter.store.RunEvent;
import babysitter.store.RunReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run read from disk as the window shows it: its reports as a live session would have sent them,
 * the insights its tool windows show, its checkpoints, and the hyperparameters it ended with.
 * Reading is slow (do it off the JavaFX thread); the result is immutable.
 *
 * @param history         the run's steps, epochs and events as reports
 * @param insights        the recorded confusion matrices, samples and decision regions (the newest ones)
 * @param last            the hyperparameters of its last change, else those it started with
 * @param damagedLines    lines skipped or kept as written because they could not be read
 */
record RecordedRun(Run run, RunConfig config, Hyperparameters last, int trainRows, List<Report> history,
                   List<Report> insights, List<Snapshot.CheckpointSummary> checkpoints, int damagedLines) {

    private static final Logger LOG = LoggerFactory.getLogger(RecordedRun.class);

    RecordedRun {
        history = List.copyOf(history);
        insights = List.copyOf(insights);
        checkpoints = List.copyOf(checkpoints);
    }

    /** Reads the run in {@code dir}, keeping at most {@code confusions} confusion matrices. */
    static RecordedRun read(Path dir, int confusions) throws IOException, ConfigException {
        // insights.jsonl grows by ~10 KB an epoch: only what the windows show is kept
        Run run = RunReader.read(dir, false);
        RunConfig config = Runs.configOf(run);
        List<String> insightWarnings = new ArrayList<>();
        List<Report> insights = RecordedInsights.read(dir, confusions, insightWarnings);
        insightWarnings.forEach(w -> LOG.warn("{}: {}", dir, w));
        List<Snapshot.CheckpointSummary> checkpoints = run.checkpoints().stream()
                .map(c -> new Snapshot.CheckpointSummary(c.id(), c.step(), c.epoch(), c.branch(), c.timeMillis()))
                .toList();
        return new RecordedRun(run, config, lastHyperparameters(run, config), run.trainRows(),
                RunHistory.reports(run), insights, checkpoints, run.warnings().size() + insightWarnings.size());
    }

    /** The hyperparameters a recorded run ended with: those of its last change, else those it started with. */
    static Hyperparameters lastHyperparameters(Run run, RunConfig config) {
        Hyperparameters last = config.optimizer().toHyperparameters();
        for (RunEvent e : run.events()) {
            if (e.event() instanceof Event.HyperparametersChanged h) {
                last = h.to();
            }
        }
        return last;
    }

    /** The events among the reports, in order. */
    List<Report.EventReport> events() {
        return history.stream().filter(r -> r instanceof Report.EventReport).map(r -> (Report.EventReport) r)
                .toList();
    }

    /** What the status line says about it. */
    String status() {
        String status = Texts.get("main.recorded.status", run.dir().getFileName(), run.steps().size(),
                run.epochs().size(), run.checkpoints().size());
        return damagedLines == 0 ? status : Texts.get("main.recorded.damaged", status, damagedLines);
    }
}
