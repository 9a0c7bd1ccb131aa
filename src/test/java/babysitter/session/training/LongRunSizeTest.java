package babysitter.session.training;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.session.insights.EpochInsights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 1000-epoch spiral run, as the window starts it, leaves a folder of a few megabytes (was 140 MB). */
class LongRunSizeTest {

    /** Bytes the files take on disk, in whole blocks of 4 KiB as the file system gives them. */
    static long diskBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return (Files.size(f) + 4095) / 4096 * 4096;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    @Test
    void aThousandEpochSpiralRunFolderStaysUnderTenMegabytes(@TempDir Path runs) throws Exception {
        RunConfig config = ConfigFiles.parse("""
                { "data": { "kind": "spiral", "n": 600, "arms": 3, "noise": 0.2, "devFraction": 0.2 },
                  "network": { "hidden": [ { "units": 32, "activation": "relu", "batchNorm": true },
                                           { "units": 32, "activation": "relu", "batchNorm": true } ] },
                  "optimizer": { "kind": "adam", "learningRate": 0.01, "batchSize": 32 },
                  "epochs": 1000, "seed": 1 }""", "test");
        Trainer t = Runs.start(config, runs, null, TrainerTest.CLOCK);
        EpochInsights.attach(t);
        while (!t.finished()) {
            t.trainEpoch();
        }
        t.close();
        long bytes = diskBytes(t.runDir());
        System.out.printf("1000-epoch spiral run folder: %.2f MB%n", bytes / 1e6);
        assertThat(bytes).isLessThan(10_000_000L);
        try (Stream<Path> cps = Files.list(t.runDir().resolve("checkpoints"))) {
            assertThat(cps.count()).as("the last five and the best").isLessThanOrEqualTo(6);
        }
    }
}
