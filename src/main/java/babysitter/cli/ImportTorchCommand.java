package babysitter.cli;

import babysitter.engine.Activation;
import babysitter.engine.LayerSpec;
import babysitter.engine.Network;
import babysitter.engine.NetworkConfig;
import babysitter.engine.NetworkFiles;
import babysitter.engine.TorchImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code import-torch}: a PyTorch Sequential's state_dict as a folder for {@code train --init}. */
@Command(name = "import-torch", mixinStandardHelpOptions = true,
        description = "Turn a folder of .npy files saved from a PyTorch state_dict of Sequential(Linear(bias=False),"
                + " BatchNorm1d, ReLU, …, Linear) into a network folder for 'train --init' (weights transposed to"
                + " [in, out], running variance kept unbiased as PyTorch does).")
final class ImportTorchCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "DIR",
            description = "The folder of state_dict entries: 0.weight.npy, 1.weight.npy, 1.bias.npy, 1.running_mean.npy, …")
    Path from;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The network folder to create (must not exist).")
    Path out;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "The hidden layers' activation: relu, leaky_relu, tanh or sigmoid (default: ${DEFAULT-VALUE}).")
    Activation activation;

    @Option(names = "--bn-epsilon", paramLabel = "EPS", defaultValue = "1e-5",
            description = "The batch norms' eps (default: ${DEFAULT-VALUE}, PyTorch's).")
    double epsilon;

    @Option(names = "--torch-momentum", paramLabel = "P", defaultValue = "0.1",
            description = "The batch norms' momentum as PyTorch counts it (weight of the new value; default:"
                    + " ${DEFAULT-VALUE}); Babysitter's bnMomentum is 1 - P.")
    double torchMomentum;

    @Mixin
    Cli.Common common;

    @Override
    public Integer call() throws IOException {
        if (!(torchMomentum > 0 && torchMomentum <= 1)) {
            throw new Cli.UsageException("--torch-momentum must be in (0, 1], got " + torchMomentum);
        }
        if (Files.exists(out)) {
            throw new Cli.UsageException(out + ": already exists; name a new folder");
        }
        Network net = TorchImport.read(from, activation, epsilon, 1 - torchMomentum);
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, ".import-");
        try {
            NetworkFiles.save(net, tmp);
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(tmp);
        }
        PrintWriter o = common.out();
        NetworkConfig c = net.config();
        o.printf("imported %s into %s: %d inputs, %d hidden layers, %d classes, %s%n", from, out, c.inputSize(),
                c.hidden().size(), c.classes(), c.precision().name().toLowerCase(Locale.ROOT));
        o.println("train from it with --init " + out + " and this network in the configuration:");
        o.println(networkJson(c));
        return 0;
    }

    /** The {@code network} object of a configuration that fits the imported folder. */
    static String networkJson(NetworkConfig c) {
        StringBuilder s = new StringBuilder("\"network\": { \"hidden\": [");
        for (int i = 0; i < c.hidden().size(); i++) {
            LayerSpec l = c.hidden().get(i);
            s.append(i == 0 ? " " : ", ").append("{ \"units\": ").append(l.units()).append(", \"activation\": \"")
                    .append(l.activation().name().toLowerCase(Locale.ROOT)).append("\", \"batchNorm\": ")
                    .append(l.batchNorm()).append(" }");
        }
        return s.append(" ], \"precision\": \"").append(c.precision().name().toLowerCase(Locale.ROOT))
                .append("\", \"bnEpsilon\": ").append(c.bnEpsilon()).append(", \"bnMomentum\": ")
                .append(c.bnMomentum()).append(", \"bnRunningVariance\": \"unbiased\" }").toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
