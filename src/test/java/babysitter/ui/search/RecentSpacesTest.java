package babysitter.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New search's recent spaces: the ones searches started from first, then the runs folder's spaces, newest first. */
class RecentSpacesTest {

    private static Path file(Path p, long modifiedSecond) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "{}");
        Files.setLastModifiedTime(p, FileTime.fromMillis(modifiedSecond * 1000));
        return p.toAbsolutePath().normalize();
    }

    @Test
    void rememberedSpacesComeFirstThenTheSpacesFolderNewestFirstWithoutGoneFilesOrRepeats(@TempDir Path tmp)
            throws Exception {
        Path runs = tmp.resolve("runs");
        Path oldAround = file(runs.resolve("spaces/old-around.json"), 1_000);
        Path newAround = file(runs.resolve("spaces/new-around.json"), 2_000);
        file(runs.resolve("spaces/notes.txt"), 3_000);
        Path mine = file(tmp.resolve("elsewhere/my-space.json"), 500);
        Path gone = file(tmp.resolve("elsewhere/gone.json"), 500);
        RecentSpaces recent = new RecentSpaces(runs, tmp.resolve("home/.babysitter/recent-spaces"));
        assertThat(recent.list()).containsExactly(newAround, oldAround);

        recent.remember(gone);
        recent.remember(oldAround);
        recent.remember(mine);
        Files.delete(gone);
        assertThat(recent.list()).containsExactly(mine, oldAround, newAround);
        recent.remember(oldAround);
        assertThat(recent.list()).as("chosen again: first, once").containsExactly(oldAround, mine, newAround);
    }

    @Test
    void theListHoldsAtMostTenAndAMissingFolderIsNoError(@TempDir Path tmp) throws Exception {
        RecentSpaces recent = new RecentSpaces(tmp.resolve("runs"), tmp.resolve("memory"));
        assertThat(recent.list()).isEmpty();
        for (int i = 0; i < 12; i++) {
            recent.remember(file(tmp.resolve("s" + i + ".json"), 100 + i));
        }
        assertThat(recent.list()).hasSize(RecentSpaces.MAX).first().isEqualTo(tmp.resolve("s11.json").toAbsolutePath());
    }
}
