package babysitter.cli;

import babysitter.data.DataFileException;
import babysitter.engine.NpyFormatException;
import babysitter.session.configuration.ConfigException;
import babysitter.session.training.TooLargeException;
import babysitter.store.BadFileException;
import babysitter.store.Run;
import babysitter.store.RunReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The command line: {@code train}, {@code search}, {@code replay}, {@code eval}, {@code export}, {@code report},
 * {@code import-torch}, {@code demo}, {@code worker}.
 *
 * <p>Exit status: 0 on success; 2 for bad input, found before anything is made — a wrong option or
 * combination of options, a configuration or space file that breaks a rule, a data file, an
 * {@code --init} folder or a run folder that cannot be read as one, a folder in use by another
 * process, a request too large to hold (see {@link #isBadInput}); 1 for a failure while running (the
 * cost became NaN, the disk filled up, replay differs). Either way a one-line message that names the
 * file instead of a stack trace, unless {@code --verbose}.
 */
@Command(name = "babysitter", mixinStandardHelpOptions = true, versionProvider = ProgramVersion.class,
        description = "Train, search hyperparameters, replay, evaluate and export babysitted training runs.",
        subcommands = {TrainCommand.class, SearchCommand.class, ReplayCommand.class, EvalCommand.class, ExportCommand.class, ReportCommand.class,
            ImportTorchCommand.class, RunsCommand.class, DemoCommand.class, WorkerCommand.class,
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
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: train, search, worker, replay, eval, export, report, import-torch or demo");
    }

    /** Options every command has. */
    static final class Common {
        @Option(names = "--verbose", description = "Print stack traces of errors.")
        boolean verbose;

        @Spec(Spec.Target.MIXEE)
        CommandSpec command;

        /** Where the command prints its results. */
        PrintWriter out() {
            return command.commandLine().getOut();
        }

        /** Where warnings and errors go. */
        PrintWriter err() {
            return command.commandLine().getErr();
        }

        /** Reads a recorded run folder and prints what was wrong with it but could be read around. */
        Run readRun(Path dir) throws IOException {
            Run run = RunReader.read(dir, false);
            run.warnings().forEach(w -> err().println("warning: " + w));
            return run;
        }
    }

    /** Runs the command line and returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = Arrays.asList(args).contains("--verbose");
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
            return isBadInput(cause) ? USAGE : FAILURE;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("babysitter: " + ex.getMessage());
            ex.getCommandLine().getErr().println("(see 'babysitter " + ex.getCommandLine().getCommandName()
                    + " --help')");
            return USAGE;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("babysitter: ran out of memory (" + e.getMessage() + "); give Java more with -Xmx or ask for less");
            code = FAILURE;
        } catch (StackOverflowError e) {
            err.println("babysitter: the input nests too deeply to read");
            code = USAGE;
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Whether an error is the input's fault (exit status 2): a usage or configuration error, a data
     * file, {@code .npy} file, run folder or JSON file that cannot be read as what it should be, a
     * named file or folder that does not exist, a folder in use by another process.
     */
    static boolean isBadInput(Throwable t) {
        return t instanceof ConfigException || t instanceof UsageException
                || t instanceof DataFileException || t instanceof BadFileException
                || t instanceof NpyFormatException || t instanceof NoSuchFileException
                || t instanceof NotDirectoryException || t instanceof TooLargeException;
    }

    private static String message(Throwable t) {
        if (t instanceof NoSuchFileException n) {
            return n.getReason() != null ? n.getFile() + ": " + n.getReason() : n.getFile() + ": no such file";
        }
        if (t instanceof FileSystemException f && f.getFile() != null
                && (t.getMessage() == null || !t.getMessage().contains(": "))) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : t.getClass().getSimpleName());
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
