package babysitter.ui.main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Remembers the last run folder between sessions, in {@code ~/.babysitter/last-run}. */
final class LastRun {
    private static final Logger LOG = LoggerFactory.getLogger(LastRun.class);

    private LastRun() {
    }

    static Path file() {
        return Path.of(System.getProperty("babysitter.home", System.getProperty("user.home")), ".babysitter", "last-run");
    }

    static void remember(Path runDir) {
        try {
            Files.createDirectories(file().getParent());
            Files.writeString(file(), runDir.toAbsolutePath().toString());
        } catch (IOException e) {
            LOG.warn("could not remember the last run in {}: {}", file(), e.getMessage());
        }
    }

    static Optional<Path> recall() {
        try {
            if (!Files.exists(file())) {
                return Optional.empty();
            }
            Path p = Path.of(Files.readString(file()).trim());
            return Files.exists(p.resolve("run.json")) ? Optional.of(p) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
