package babysitter.ui.main;

import babysitter.report.HintTexts;
import babysitter.session.insights.Hints;
import babysitter.session.reports.Report;
import babysitter.session.training.Snapshot;
import babysitter.ui.controls.ControlsViewModel;
import babysitter.ui.fx.ReplayFeed;
import babysitter.ui.monitor.MonitorViewModel;
import babysitter.ui.regions.RegionsViewModel;
import babysitter.ui.siblings.SiblingsViewModel;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Where each frame's reports go in the main window: to the charts, the regions, the siblings, the
 * progress, the banner and the live controls; and what the window keeps of them beyond the charts
 * (the checkpoint strip, the events behind the chart markers, hints from the recent epochs, the
 * last range test, the checkpoint undo goes back to, the feed of the tool windows). A recorded run
 * arrives here too, as if its reports had just come. JavaFX thread only.
 */
final class RunReports {
    private final MonitorViewModel monitor;
    private final RegionsViewModel regions;
    private final SiblingsViewModel siblings;
    private final ControlsViewModel controls;
    private final SessionProgress progress;
    private final Notice notice;

    private final UndoLastChange undo = new UndoLastChange();
    private final ReadOnlyObjectWrapper<Report.LrRangeReport> rangeTest = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Snapshot.CheckpointSummary> checkpoints = FXCollections.observableArrayList();
    private final ObservableList<Report.EventReport> events = FXCollections.observableArrayList();
    private final ObservableList<String> hints = FXCollections.observableArrayList();
    /** What the tool windows are fed: the last epochs of the branch, the confusion matrices, the newest samples. */
    private final ReplayFeed feed = new ReplayFeed()
            .keep(Report.EpochReport.class, MainViewModel.RECENT_EPOCHS, Report.EpochReport::branch)
            .keep(Report.ConfusionReport.class, MainViewModel.RECENT_CONFUSION, null)
            .keep(Report.SamplesReport.class, 1, null);

    RunReports(MonitorViewModel monitor, RegionsViewModel regions, SiblingsViewModel siblings,
               ControlsViewModel controls, SessionProgress progress, Notice notice) {
        this.monitor = monitor;
        this.regions = regions;
        this.siblings = siblings;
        this.controls = controls;
        this.progress = progress;
        this.notice = notice;
    }

    /** One frame's reports. */
    void accept(List<Report> batch) {
        Report.CheckpointsReport strip = null;
        monitor.accept(batch);
        regions.accept(batch);
        siblings.accept(batch);
        for (Report r : batch) {
            progress.accept(r);
            if (r instanceof Report.EpochReport e) {
                feed.publish(e);
                hints.setAll(Hints.of(feed.kept(Report.EpochReport.class)).stream().map(HintTexts::text).toList());
            } else if (r instanceof Report.StateReport s) {
                notice.state(s.state());
                checkpoints.setAll(s.checkpoints());
                controls.show(s.hyperparameters(), s.rules());
                monitor.stepsPerEpochProperty().set((int) progress.stepsPerEpoch());
            } else if (r instanceof Report.EventReport e) {
                events.add(e);
                undo.event(e);
                notice.event(e);
            } else if (r instanceof Report.SamplesReport || r instanceof Report.ConfusionReport) {
                feed.publish(r);
            } else if (r instanceof Report.LrRangeReport l) {
                rangeTest.set(l);
            } else if (r instanceof Report.CheckpointsReport c) {
                strip = c;
            }
        }
        if (strip != null) {
            checkpoints.setAll(strip.checkpoints()); // the newest of the batch: the strip is current
        }
        progress.refresh(batch.stream().allMatch(r -> r instanceof Report.StepReport), System.nanoTime());
    }

    /**
     * A live session starts ({@link SessionProgress#newRun} already told of it); with
     * {@code keepHistory} it continues the run shown, whose charts, markers and tool windows stay.
     */
    void newSession(boolean keepHistory) {
        if (!keepHistory) {
            monitor.reset();
            regions.reset();
            events.clear();
            feed.reset();
        }
        hints.clear();
        siblings.reset();
        monitor.stepsPerEpochProperty().set((int) progress.stepsPerEpoch());
        checkpoints.clear();
        rangeTest.set(null);
        undo.clear();
    }

    /** A recorded run: its charts, markers, insights and checkpoints, as if they had just arrived. */
    void show(RecordedRun recorded) {
        monitor.reset();
        regions.reset();
        siblings.reset();
        feed.reset();
        monitor.stepsPerEpochProperty().set((int) progress.stepsPerEpoch());
        monitor.accept(recorded.history());
        events.setAll(recorded.events());
        regions.accept(recorded.insights());
        recorded.insights().forEach(feed::publish);
        checkpoints.setAll(recorded.checkpoints());
    }

    UndoLastChange undo() {
        return undo;
    }

    ReadOnlyObjectProperty<Report.LrRangeReport> rangeTest() {
        return rangeTest.getReadOnlyProperty();
    }

    ObservableList<Snapshot.CheckpointSummary> checkpoints() {
        return checkpoints;
    }

    ObservableList<Report.EventReport> events() {
        return events;
    }

    ObservableList<String> hints() {
        return hints;
    }

    ReplayFeed feed() {
        return feed;
    }
}
