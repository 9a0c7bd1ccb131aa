package babysitter.cli;

import babysitter.search.cluster.ClusterSpec;
import babysitter.search.cluster.Worker;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code worker}: a member of a cluster that trains search trials until Ctrl+C (its running trials are handed back). */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Train search trials for a cluster: join it and take trials from its queue until Ctrl+C.",
            "  worker --cluster lab --members 10.0.0.5 --bind 10.0.0.7 --secret-file lab.secret [--slots 2]"})
final class WorkerCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--scratch", paramLabel = "DIR",
            description = "Where trials train before their files go home (default: a temporary folder, deleted at the end).")
    Path scratch;

    @Option(names = "--idle-exit", paramLabel = "SECONDS",
            description = "Leave the cluster after SECONDS without a trial (default: stay until Ctrl+C).")
    long idleExit;

    @Mixin
    Cli.Common common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!cluster.on()) {
            throw new Cli.UsageException("name the cluster to join: --cluster NAME --members HOST[:PORT],...");
        }
        ClusterSpec s = cluster.spec();
        int slots = cluster.slots();
        if (slots < 1) {
            throw new Cli.UsageException("--slots " + slots + ": a worker trains at least 1 trial at once");
        }
        if (idleExit < 0) {
            throw new Cli.UsageException("--idle-exit " + idleExit + ": seconds, 0 or more");
        }
        PrintWriter o = spec.commandLine().getOut();
        boolean temporary = scratch == null;
        Path dir = temporary ? Files.createTempDirectory("babysitter-worker-") : Files.createDirectories(scratch);
        Worker worker;
        try {
            worker = Worker.join(s, slots, dir, event -> say(o, event.toString()));
        } catch (IllegalStateException e) {
            throw new Cli.UsageException(e.getMessage());
        }
        Thread hook = new Thread(() -> {
            say(o, "leaving cluster " + s.name() + ": running trials go back to the queue");
            worker.close();
        }, "worker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        say(o, "worker of cluster " + s.name() + " on " + s.bindHost() + ": " + slots + " slot(s), " + worker.members()
                + " member(s)" + (worker.members() == 1 ? " (alone: waiting for members at " + String.join(",", s.members())
                + "; a member with another secret cannot join)" : ""));
        worker.start();
        worker.await(idleExit);
        worker.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl+C: the hook is running
        }
        if (temporary) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        say(o, "left cluster " + s.name() + " after " + worker.trained() + " trial(s)");
        if (worker.refusal() != null) {
            spec.commandLine().getErr().println("babysitter worker: " + worker.refusal());
            return Cli.USAGE;
        }
        return 0;
    }

    private static void say(PrintWriter o, String line) {
        synchronized (o) {
            o.println(line);
            o.flush();
        }
    }
}
