package babysitter.ui.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search spaces a person is likely to want again, for New search: the ones searches were
 * started from (remembered between sessions, newest first), then those in the runs folder's
 * {@code spaces} folder (where "Search around this run" writes them), newest first. Files that are
 * gone are left out.
 */
public final class RecentSpaces {
    private static final Logger LOG = LoggerFactory.getLogger(RecentSpaces.class);
    /** How many the list holds. */
    public static final int MAX = 10;

    private final Path runsRoot;
    private final Path memory;

    /** The spaces of {@code runsRoot}, remembered in {@code memory} (a text file, one path a line). */
    public RecentSpaces(Path runsRoot, Path memory) {
        this.runsRoot = runsRoot;
        this.memory = memory;
    }

    /** The spaces of {@code runsRoot}, remembered in {@code ~/.babysitter/recent-spaces}. */
    public static RecentSpaces of(Path runsRoot) {
        return new RecentSpaces(runsRoot, Path.of(System.getProperty("babysitter.home", System.getProperty("user.home")),
                ".babysitter", "recent-spaces"));
    }

    /** The folder "Search around this run" writes spaces to, and the file chooser starts in when it exists. */
    public Path spacesFolder() {
        return runsRoot.resolve("spaces");
    }

    /** At most {@link #MAX} existing space files: the remembered ones, then the spaces folder's, newest first. */
    public List<Path> list() {
        Set<Path> all = new LinkedHashSet<>();
        remembered().stream().filter(Files::isRegularFile).forEach(all::add);
        all.addAll(inSpacesFolder());
        return all.stream().limit(MAX).toList();
    }

    /** Puts {@code space} first in the remembered list (a failure to write is logged, never shown). */
    public void remember(Path space) {
        List<Path> now = new ArrayList<>();
        now.add(space.toAbsolutePath().normalize());
        for (Path p : remembered()) {
            if (!now.contains(p) && now.size() < MAX) {
                now.add(p);
            }
        }
        try {
            Files.createDirectories(memory.getParent());
            Files.write(memory, now.stream().map(Path::toString).toList());
        } catch (IOException e) {
            LOG.warn("could not remember the search space {} in {}: {}", space, memory, e.getMessage());
        }
    }

    private List<Path> remembered() {
        if (!Files.isRegularFile(memory)) {
            return List.of();
        }
        try {
            return Files.readAllLines(memory).stream().map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> Path.of(s).toAbsolutePath().normalize()).toList();
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not read the recent search spaces in {}: {}", memory, e.getMessage());
            return List.of();
        }
    }

    private List<Path> inSpacesFolder() {
        Path dir = spacesFolder();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted(Comparator.comparing(RecentSpaces::modified).reversed()).toList();
        } catch (IOException e) {
            LOG.warn("could not list the search spaces in {}: {}", dir, e.getMessage());
            return List.of();
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
