package babysitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void aRunJsonAloneOpensItsFolderInTheWindow() throws Exception {
        Path run = Files.createDirectories(dir.resolve("20261204-spiral"));
        Path runJson = Files.writeString(run.resolve("run.json"), "{}");

        assertThat(Main.runToOpen(new String[] {runJson.toString()})).contains(run.toAbsolutePath());
    }

    @Test
    void commandsAndOtherFilesGoToTheCommandLine() throws Exception {
        Path run = Files.createDirectories(dir.resolve("r"));
        Path runJson = Files.writeString(run.resolve("run.json"), "{}");
        Path config = Files.writeString(dir.resolve("spiral.json"), "{}");

        assertThat(Main.runToOpen(new String[] {"train"})).isEmpty();
        assertThat(Main.runToOpen(new String[] {"--version"})).isEmpty();
        assertThat(Main.runToOpen(new String[] {config.toString()})).isEmpty();
        assertThat(Main.runToOpen(new String[] {run.toString()})).as("a folder is a command's argument").isEmpty();
        assertThat(Main.runToOpen(new String[] {dir.resolve("gone/run.json").toString()})).as("missing file").isEmpty();
        assertThat(Main.runToOpen(new String[] {"replay", runJson.toString()})).isEmpty();
    }
}
