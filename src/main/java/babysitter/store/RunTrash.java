package babysitter.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Deleting a run the way a person can take back: its folder moves into {@code .trash} beside it
 * (in the same folder of runs, so the move is a rename), and back. A run that a process still
 * writes is not moved.
 */
public final class RunTrash {
    /** The trash folder's name inside a folder of runs. */
    public static final String FOLDER = ".trash";

    private RunTrash() {
    }

    /**
     * Moves {@code runDir} into the trash; returns where it went.
     *
     * @throws FolderLock.FolderInUseException naming the process when someone writes the run
     */
    public static Path delete(Path runDir) throws IOException {
        Path trash = runDir.toAbsolutePath().getParent().resolve(FOLDER);
        Files.createDirectories(trash);
        Path target = free(trash.resolve(runDir.getFileName().toString()));
        try (FolderLock lock = FolderLock.acquire(runDir)) {
            Files.move(runDir, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    /** Moves a run out of the trash back to {@code original} (or beside it, if that name was taken meanwhile). */
    public static Path restore(Path trashed, Path original) throws IOException {
        Path target = free(original);
        Files.move(trashed, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static Path free(Path wanted) {
        Path p = wanted;
        for (int k = 2; Files.exists(p); k++) {
            p = wanted.resolveSibling(wanted.getFileName() + "-" + k);
        }
        return p;
    }
}
