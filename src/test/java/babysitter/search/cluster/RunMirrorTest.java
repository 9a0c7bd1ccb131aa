package babysitter.search.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scratch folder synced in steps arrives whole: appends, rewritten files, checkpoint folders. */
class RunMirrorTest {
    @Test
    void aScratchFolderSyncedInStepsIsRebuiltByteForByte(@TempDir Path tmp) throws Exception {
        Path scratch = Files.createDirectories(tmp.resolve("scratch/20261204-120000-trial-0001"));
        ScratchSync sync = new ScratchSync(scratch);
        Files.writeString(scratch.resolve("run.json"), "{\"a\":1}");
        Files.writeString(scratch.resolve("metrics.jsonl"), "{\"e\":1}\n");
        Files.writeString(scratch.resolve(".lock"), "123");
        try (RunMirror mirror = RunMirror.create(tmp.resolve("runs"), scratch.getFileName().toString())) {
            mirror.apply(sync.changes());
            Files.writeString(scratch.resolve("metrics.jsonl"), "{\"e\":2}\n", StandardOpenOption.APPEND);
            Path cp = Files.createDirectories(scratch.resolve("checkpoints/epoch-0001"));
            Files.write(cp.resolve("W1.npy"), new byte[] {1, 2, 3, 4});
            Files.createDirectories(scratch.resolve("checkpoints/.tmp-epoch-0002-99"));
            List<FileChunk> second = sync.changes();
            assertThat(second).extracting(FileChunk::path).containsExactly("checkpoints/epoch-0001/W1.npy", "metrics.jsonl");
            assertThat(second.get(1).whole()).isFalse();
            mirror.apply(second);
            assertThat(sync.changes()).isEmpty();
            assertThat(mirror.dir()).isEqualTo(tmp.resolve("runs/20261204-120000-trial-0001"));
            assertThat(Files.readString(mirror.dir().resolve("metrics.jsonl"))).isEqualTo("{\"e\":1}\n{\"e\":2}\n");
            assertThat(Files.readAllBytes(mirror.dir().resolve("checkpoints/epoch-0001/W1.npy"))).containsExactly(1, 2, 3, 4);
            try (Stream<Path> left = Files.list(mirror.dir().resolve("checkpoints"))) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly("epoch-0001");
            }
        }
        try (RunMirror again = RunMirror.create(tmp.resolve("runs"), "20261204-120000-trial-0001")) {
            assertThat(again.dir().getFileName().toString()).isEqualTo("20261204-120000-trial-0001-2");
        }
    }

    @Test
    void aPathOutOfTheRunFolderIsRefused(@TempDir Path tmp) throws Exception {
        try (RunMirror mirror = RunMirror.create(tmp.resolve("runs"), "r")) {
            assertThatThrownBy(() -> mirror.apply(List.of(new FileChunk("../../evil", 0, true, new byte[1]))))
                    .hasMessageContaining("not inside the run folder");
            assertThatThrownBy(() -> mirror.apply(List.of(new FileChunk("metrics.jsonl", 5, false, new byte[1]))))
                    .hasMessageContaining("appends at byte 5 but the file has 0");
        }
        assertThatThrownBy(() -> RunMirror.create(tmp.resolve("runs"), "../x")).hasMessageContaining("not a plain folder name");
    }
}
