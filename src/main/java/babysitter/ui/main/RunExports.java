package babysitter.ui.main;

import babysitter.i18n.Texts;
import babysitter.report.ProblemWords;
import babysitter.report.RunReport;
import babysitter.session.configuration.ConfigException;
import babysitter.session.training.RunAsConfiguration;
import babysitter.store.RunReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writing the shown run out, in the background: its HTML report, and its configuration with its
 * changes as a schedule. What went wrong becomes a banner; what was written, the status line.
 */
public final class RunExports {
    private final Executor fx;
    private final Executor background;
    private final Supplier<String> runDir;
    private final Notice notice;
    private final Consumer<String> status;

    /**
     * @param runDir the folder of the run shown, "" when there is none
     * @param status shows a line in the status bar (on the JavaFX thread)
     */
    RunExports(Executor fx, Executor background, Supplier<String> runDir, Notice notice, Consumer<String> status) {
        this.fx = Objects.requireNonNull(fx);
        this.background = Objects.requireNonNull(background);
        this.runDir = Objects.requireNonNull(runDir);
        this.notice = Objects.requireNonNull(notice);
        this.status = Objects.requireNonNull(status);
    }

    /** Writes the HTML report to {@code out}: charts as inline SVG (and .svg files beside it), every event, final metrics, confusion matrix. */
    public void report(Path out) {
        String dir = runDir.get();
        if (dir.isEmpty()) {
            notice.show(Notice.Cause.REPORT, Texts.get("main.export.noRunReport"));
            return;
        }
        status.accept(Texts.get("main.export.writingReport"));
        background.execute(() -> {
            try {
                Path written = RunReport.write(Path.of(dir), out, Locale.getDefault(Locale.Category.DISPLAY));
                fx.execute(() -> done(Texts.get("main.export.reportWritten", written)));
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> notice.show(Notice.Cause.REPORT, Texts.get("main.export.reportFailed", e.getMessage())));
            }
        });
    }

    /**
     * Writes the run's configuration to {@code out} with its changes of hyperparameters as schedule
     * entries, so that {@code train --config} trains it again headless ({@link RunAsConfiguration}).
     */
    public void configuration(Path out) {
        String dir = runDir.get();
        if (dir.isEmpty()) {
            notice.show(Notice.Cause.REPORT, Texts.get("main.export.noRunConfiguration"));
            return;
        }
        background.execute(() -> {
            try {
                RunAsConfiguration.write(RunReader.read(Path.of(dir)), out);
                fx.execute(() -> done(Texts.get("main.export.configurationWritten", out)));
            } catch (IOException | ConfigException | RuntimeException e) {
                fx.execute(() -> notice.show(Notice.Cause.REPORT, Texts.get("main.export.configurationFailed",
                        ProblemWords.say(e))));
            }
        });
    }

    private void done(String message) {
        status.accept(message);
        notice.clear(Notice.Cause.REPORT);
    }
}
