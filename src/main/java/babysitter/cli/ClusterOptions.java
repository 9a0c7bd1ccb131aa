package babysitter.cli;

import babysitter.engine.Nd4jSetup;
import babysitter.search.LocalExecutor;
import babysitter.search.TrialExecutor;
import babysitter.search.cluster.ClusterExecutor;
import babysitter.search.cluster.ClusterSecret;
import babysitter.search.cluster.ClusterSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that put a process in a cluster: shared by {@code worker} and {@code search --cluster}. */
final class ClusterOptions {
    @Option(names = "--cluster", paramLabel = "NAME", description = "Run the trials on the members of cluster NAME (Hazelcast).")
    String name;

    @Option(names = "--members", paramLabel = "HOST[:PORT],...", split = ",",
            description = "Members to join (TCP-IP, no multicast); a host without port tries 5701-5703.")
    List<String> members;

    @Option(names = "--bind", paramLabel = "ADDR[:PORT]",
            description = "The interface (and port) this member listens on (default: 127.0.0.1, port 5701 or the next free).")
    String bind;

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "The cluster secret (at least 16 bytes, the same file on every member); required with a non-loopback --bind.")
    Path secretFile;

    @Option(names = "--slots", paramLabel = "N",
            description = "Trials this member trains at once (default: cores / OpenBLAS threads; 0 on a search: only coordinate).")
    Integer slots;

    /** Whether --cluster was given. */
    boolean on() {
        return name != null;
    }

    /** The options as a spec; a wrong value is a usage error naming the option and the rule. */
    ClusterSpec spec() throws IOException {
        if (members == null || members.isEmpty()) {
            throw new Cli.UsageException("--cluster " + name + " needs --members HOST[:PORT],... (the members to join;"
                    + " name this machine's own address to start a new cluster)");
        }
        ClusterSecret secret = null;
        try {
            if (secretFile != null) {
                secret = ClusterSecret.read(secretFile);
            }
            return ClusterSpec.of(name, members, bind, secret);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
        }
    }

    /** Refuses cluster options without --cluster. */
    void requireCluster() {
        if (name == null && (members != null || bind != null || secretFile != null || slots != null)) {
            throw new Cli.UsageException("--members, --bind, --secret-file and --slots go with --cluster NAME");
        }
    }

    /** The slots asked for, or the default: one per core, divided by the OpenBLAS threads of each. */
    int slots() {
        if (slots != null) {
            if (slots < 0 || slots > 64) {
                throw new Cli.UsageException("--slots " + slots + ": between 0 and 64");
            }
            return slots;
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, Nd4jSetup.blasThreads()));
    }

    /** The local pool, or with --cluster this process as the cluster's coordinator. */
    static TrialExecutor executor(int workers, PrintWriter o, ClusterSpec spec, int slots) throws IOException {
        if (spec == null) {
            return new LocalExecutor(workers);
        }
        ClusterExecutor ex = ClusterExecutor.start(spec, slots, event -> {
            synchronized (o) {
                o.println("  cluster " + spec.name() + ": " + event);
                o.flush();
            }
        });
        o.printf("  cluster %s: %d member(s), %d slot(s)%n", ex.name(), ex.members(), ex.slots());
        o.flush();
        return ex;
    }
}
