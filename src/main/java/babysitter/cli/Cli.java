package babysitter.cli;

import babysitter.session.ConfigException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: {@code train}, {@code search}, {@code replay}, {@code eval}, {@code export}, {@code report}. Exit status 0 on
 * success, 2 for usage and configuration errors, 1 for failures while running; a one-line message
 * instead of a stack trace unless {@code --verbose}.
 */
@Command(name = "babysitter", mixinStandardHelpOptions = true, version = "babysitter 0.2.0",
        description = "Train, search hyperparameters, replay, evaluate and export babysitted training runs.",
        subcommands = {TrainCommand.class, SearchCommand.class, ReplayCommand.class, EvalCommand.class, ExportCommand.class, ReportCommand.class,
            ImportTorchCommand.class,
            CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    /** Exit status for usage and configuration errors. */
    public static final int USAGE = 2;
    /** Exit status for failures while running. */
    public static final int FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: train, search, replay, eval, export, report or import-torch");
    }

    /** Options every command has. */
    static final class Common {
        @Option(names = "--verbose", description = "Print stack traces of errors.")
        boolean verbose;
    }

    /** Runs the command line and returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
            Throwable cause = ex;
            if (ex instanceof UncheckedIOException u && u.getCause() != null) {
                cause = u.getCause();
            }
            String message = message(cause);
            commandLine.getErr().println("babysitter " + commandLine.getCommandName() + ": " + message);
            if (verbose) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return cause instanceof ConfigException || cause instanceof UsageException ? USAGE : FAILURE;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("babysitter: " + ex.getMessage());
            ex.getCommandLine().getErr().println("(see 'babysitter " + ex.getCommandLine().getCommandName()
                    + " --help')");
            return USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String message(Throwable t) {
        if (t instanceof NoSuchFileException n) {
            return n.getReason() != null ? n.getFile() + ": " + n.getReason() : n.getFile() + ": no such file";
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** A wrong combination of arguments found while running (exit status 2). */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
