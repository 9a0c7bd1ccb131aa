package babysitter.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.store.FolderLock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search folder damaged or shared: the log's bad lines are skipped by line, a second writer is refused, caps hold. */
class SearchFolderTest {

    private static Path made(Path tmp) throws Exception {
        Path dir = tmp.resolve("s");
        try (Search s = Search.create(dir, SearchTest.space(), Method.RANDOM, 3, 0,
                new Settings(1, 1, EarlyStopping.none(), 7))) {
            assertThat(s.trials()).hasSize(3);
        }
        return dir;
    }

    @Test
    void badBytesAndUnknownStatesInTheLogAreSkippedWithTheFileAndLine(@TempDir Path tmp) throws Exception {
        Path dir = made(tmp);
        Path log = dir.resolve(Search.TRIALS_JSONL);
        ByteArrayOutputStream more = new ByteArrayOutputStream();
        more.write("{\"type\":\"started\",\"trial\":1,\"time\":1,\"runDir\":\"runs/x\"}\n".getBytes(StandardCharsets.UTF_8));
        more.write(new byte[] {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xff, '"', '}', '\n'});
        more.write("{\"type\":\"finished\",\"trial\":1,\"time\":2,\"state\":\"BOGUS\"}\n".getBytes(StandardCharsets.UTF_8));
        more.write("{\"type\":\"finished\",\"trial\":2,\"trial\":3,\"state\":\"DONE\"}\n".getBytes(StandardCharsets.UTF_8));
        more.write("{\"type\":\"finished\",\"trial\":2,\"time\":3,\"state\":\"DONE\",\"note\":\"\"}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(log, more.toByteArray(), StandardOpenOption.APPEND);
        long before = Files.readAllLines(log, StandardCharsets.ISO_8859_1).size();
        try (Search s = Search.open(dir)) {
            assertThat(s.warnings()).hasSize(3);
            assertThat(s.warnings()).anySatisfy(w -> assertThat(w).startsWith(log + " line " + (before - 3) + ": skipped:")
                    .contains("UTF-8"));
            assertThat(s.warnings()).anySatisfy(w -> assertThat(w).startsWith(log + " line " + (before - 2) + ": skipped:")
                    .contains("unknown trial state 'BOGUS'"));
            assertThat(s.warnings()).anySatisfy(w -> assertThat(w).startsWith(log + " line " + (before - 1) + ": skipped:")
                    .contains("'trial' appears twice"));
            // the good lines count: trial 2 finished, trial 1 (started, never finished) runs again
            assertThat(s.trial(2).state()).isEqualTo(TrialState.DONE);
            assertThat(s.trial(1).state()).isEqualTo(TrialState.PENDING);
        }
    }

    @Test
    void aSearchOpenTwiceIsRefusedTheSecondTimeAndFreeAfterClosing(@TempDir Path tmp) throws Exception {
        Path dir = made(tmp);
        try (Search first = Search.open(dir)) {
            assertThat(first.trials()).hasSize(3);
            assertThatThrownBy(() -> Search.open(dir)).isInstanceOf(FolderLock.FolderInUseException.class)
                    .hasMessageContaining(dir + " is in use by this program (process " + ProcessHandle.current().pid());
            assertThatThrownBy(() -> Search.create(dir, SearchTest.space(), Method.RANDOM, 2, 0,
                    new Settings(1, 1, EarlyStopping.none(), 7))).isInstanceOf(FolderLock.FolderInUseException.class);
        }
        try (Search again = Search.open(dir)) {
            assertThat(again.trials()).hasSize(3);
        }
    }

    @Test
    void roundsBeyondTheCapAreRefusedBeforeAnythingIsMade(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("big");
        assertThatThrownBy(() -> Search.create(dir, SearchTest.space(), Method.RANDOM, Search.MAX_TRIALS + 1, 0,
                new Settings(1, 1, EarlyStopping.none(), 7))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + Search.MAX_TRIALS);
        assertThatThrownBy(() -> Search.create(dir, SearchTest.space(), Method.GRID, 0, 1_000_000_000,
                new Settings(1, 1, EarlyStopping.none(), 7))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Search.tooLarge(SearchTest.space(), Method.GRID, 0, 40)).contains("1080 trials")
                .contains("37 values per axis fit");
        assertThat(dir).doesNotExist();
    }
}
