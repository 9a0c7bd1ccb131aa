package babysitter.cli;

import babysitter.report.RunReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code report}: one self-contained HTML file (and SVG charts) describing a recorded run. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a self-contained HTML report of a run: configuration, data, charts, events, final metrics.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run folder.")
    Path run;

    @Option(names = "--out", required = true, paramLabel = "FILE.html",
            description = "The HTML file to write; the charts are also written next to it as .svg files.")
    Path out;

    @Mixin
    Cli.Common common;

    @Override
    public Integer call() throws Exception {
        Path html = RunReport.write(run, out);
        common.out().println("report written to " + html);
        for (Path svg : RunReport.chartFiles(html)) {
            common.out().println("chart written to " + svg);
        }
        return 0;
    }
}
