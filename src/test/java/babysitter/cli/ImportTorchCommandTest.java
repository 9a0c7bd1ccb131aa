package babysitter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportTorchCommandTest {

    private static Path stateDict() throws Exception {
        return Path.of(ImportTorchCommandTest.class.getResource("/torch/bn-mlp").toURI());
    }

    /** A CSV file of 4 features and 3 classes, the shape of the fixture network. */
    private static Path csv(Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder s = new StringBuilder("a,b,c,d,label\n");
        for (int i = 0; i < 60; i++) {
            s.append(String.format(java.util.Locale.ROOT, "%.6f,%.6f,%.6f,%.6f,%d%n", r.nextGaussian(),
                    r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), i % 3));
        }
        return Files.writeString(dir.resolve("four.csv"), s);
    }

    private static String config(Path csv, String convention) {
        return """
                { "data": { "kind": "csv", "path": "%s" },
                  "network": { "hidden": [ { "units": 6, "activation": "relu", "batchNorm": true },
                                           { "units": 5, "activation": "relu", "batchNorm": false } ],
                               "precision": "float64", "bnRunningVariance": "%s" },
                  "optimizer": { "kind": "sgd", "learningRate": 0.01, "batchSize": 16 },
                  "epochs": 1, "seed": 2 }""".formatted(csv, convention);
    }

    @Test
    void aStateDictBecomesAnInitFolderThatTrainsWithTheUnbiasedConvention(@TempDir Path tmp) throws Exception {
        Path init = tmp.resolve("init");
        CliTest.Outcome imp = CliTest.run("import-torch", "--from", stateDict().toString(), "--out", init.toString());
        assertThat(imp.code()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("4 inputs, 2 hidden layers, 3 classes, float64")
                .contains("\"bnRunningVariance\": \"unbiased\"").contains("\"bnMomentum\": 0.9");
        assertThat(init.resolve("W1.npy")).exists();
        assertThat(init.resolve("running_var1.npy")).exists();
        assertThat(init.resolve("b2.npy")).exists();
        assertThat(Files.readString(init.resolve("state.json"))).contains("UNBIASED");
        try (var s = Files.list(tmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith(".import-"))).isEmpty();
        }

        Path csv = csv(tmp);
        CliTest.Outcome train = CliTest.run("train", "--config", CliTest.config(tmp, config(csv, "unbiased")).toString(),
                "--init", init.toString(), "--out", tmp.resolve("runs").toString());
        assertThat(train.code()).as(train.err()).isZero();

        CliTest.Outcome biased = CliTest.run("train", "--config", CliTest.config(tmp, config(csv, "biased")).toString(),
                "--init", init.toString(), "--out", tmp.resolve("runs2").toString());
        assertThat(biased.code()).isNotZero();
        assertThat(biased.err()).contains("network.bnRunningVariance").contains("unbiased");
    }

    @Test
    void anExistingOutputFolderIsRefused(@TempDir Path tmp) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        CliTest.Outcome imp = CliTest.run("import-torch", "--from", stateDict().toString(), "--out", out.toString());
        assertThat(imp.code()).isEqualTo(Cli.USAGE);
        assertThat(imp.err()).contains("taken").contains("already exists");
    }
}
