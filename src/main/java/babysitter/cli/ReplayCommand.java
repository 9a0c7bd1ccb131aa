package babysitter.cli;

import babysitter.session.training.Replay;
import babysitter.store.Run;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code replay}: re-runs a recorded run with every recorded change, and compares the costs. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-run a recorded run from its configuration and events; reports whether the costs match bit for bit.")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The recorded run folder.")
    Path runDir;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
            description = "Folder that receives the replay's run folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    Cli.Common common;

    @Override
    public Integer call() throws Exception {
        var print = common.out();
        Run run = common.readRun(runDir);
        Progress progress = new Progress(print, false);
        Replay.Result r = Replay.run(run, out, Clock.systemUTC(), progress);
        print.printf("replayed %d steps into %s%n", r.steps(), r.dir());
        if (r.comparedSteps() == 0) {
            print.println("no recorded step costs to compare with");
            return 0;
        }
        if (r.identical()) {
            print.printf("identical: all %d recorded step costs match bit for bit%n", r.comparedSteps());
            return 0;
        }
        print.printf("DIFFERENT: first at step %d: recorded cost %s, replayed %s%n", r.firstMismatchStep(),
                r.originalCost(), r.replayedCost());
        return Cli.FAILURE;
    }
}
