package babysitter.search.cluster;

import babysitter.store.AtomicFiles;
import babysitter.store.FolderLock;
import babysitter.store.RunWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * On the coordinator: a remote trial's run folder under the search's {@code runs/}, built from the
 * file bytes its worker sends. The folder takes the worker's folder name ({@code -2}, {@code -3}…
 * when taken, as a local run's would); line files grow by appends at the offset the worker names,
 * other files are written atomically, and each new checkpoint folder appears whole (written aside,
 * then moved), so a reader never sees half a run.
 */
final class RunMirror implements AutoCloseable {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,120}");

    private final Path dir;
    private final FolderLock lock;

    private RunMirror(Path dir, FolderLock lock) {
        this.dir = dir;
        this.lock = lock;
    }

    /** Makes the folder {@code runsRoot/name} (or the next free suffix) and holds its lock. */
    static RunMirror create(Path runsRoot, String name) throws IOException {
        if (!SAFE_NAME.matcher(name).matches() || name.startsWith(".")) {
            throw new IOException("a run folder name '" + name + "' that is not a plain folder name");
        }
        Files.createDirectories(runsRoot);
        for (int k = 1; ; k++) {
            Path candidate = runsRoot.resolve(k == 1 ? name : name + "-" + k);
            try {
                Path dir = Files.createDirectory(candidate);
                FolderLock lock = FolderLock.tryAcquire(dir);
                if (lock != null) {
                    return new RunMirror(dir, lock);
                }
            } catch (FileAlreadyExistsException taken) {
                // next suffix
            }
        }
    }

    Path dir() {
        return dir;
    }

    /** Applies one message's files: appends, whole files, whole new checkpoint folders. */
    void apply(List<FileChunk> chunks) throws IOException {
        Map<String, Path> newCheckpoints = new LinkedHashMap<>();
        for (FileChunk c : chunks) {
            String[] parts = checked(c.path());
            Path target;
            if (parts.length >= 3 && parts[0].equals(RunWriter.CHECKPOINTS)) {
                String id = parts[1];
                Path staged = newCheckpoints.get(id);
                if (staged == null && !Files.exists(dir.resolve(RunWriter.CHECKPOINTS).resolve(id))) {
                    staged = Files.createDirectories(dir.resolve(RunWriter.CHECKPOINTS)
                            .resolve(RunWriter.TEMP_PREFIX + id + "-" + System.nanoTime()));
                    newCheckpoints.put(id, staged);
                }
                Path base = staged != null ? staged : dir.resolve(RunWriter.CHECKPOINTS).resolve(id);
                target = base.resolve(String.join("/", Arrays.copyOfRange(parts, 2, parts.length)));
            } else {
                target = dir.resolve(c.path());
            }
            Files.createDirectories(target.getParent());
            if (c.whole()) {
                AtomicFiles.write(target, c.bytes());
            } else {
                append(target, c.offset(), c.bytes());
            }
        }
        for (Map.Entry<String, Path> e : newCheckpoints.entrySet()) {
            Files.move(e.getValue(), dir.resolve(RunWriter.CHECKPOINTS).resolve(e.getKey()), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void append(Path file, long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            if (out.length() != offset) {
                throw new IOException(file + ": the worker appends at byte " + offset + " but the file has " + out.length());
            }
            out.seek(offset);
            out.write(bytes);
        }
    }

    /** The path's parts; a path that would leave the run folder is refused. */
    private static String[] checked(String path) throws IOException {
        String[] parts = path.split("/");
        for (String p : parts) {
            if (!SAFE_NAME.matcher(p).matches() || p.equals("..") || p.equals(".")) {
                throw new IOException("a file path '" + path + "' that is not inside the run folder");
            }
        }
        return parts;
    }

    @Override
    public void close() {
        lock.close();
    }
}
