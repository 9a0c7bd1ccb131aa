package babysitter.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The right to write a folder (a run or a search), held by one process at a time: an operating
 * system lock ({@link FileChannel#tryLock()}) on the file {@code .lock} in the folder, which holds the
 * process id of its holder. The system releases the lock when the process ends, however it ends, so
 * a lock left by a killed process never blocks; the file itself stays (it means nothing without
 * the lock). Within one program the same folder cannot be locked twice either.
 */
public final class FolderLock implements AutoCloseable {
    /** The lock file's name. */
    public static final String FILE = ".lock";

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code folder} (which must exist) for writing.
     *
     * @throws FolderInUseException if another process (or this one) holds it, naming the process
     */
    public static FolderLock acquire(Path folder) throws IOException {
        FolderLock l = tryAcquire(folder);
        if (l == null) {
            long pid = holder(folder);
            throw new FolderInUseException(folder, pid == ProcessHandle.current().pid()
                    ? FileProblem.of(FileProblem.Kind.IN_USE_HERE, folder, pid)
                    : pid > 0 ? FileProblem.of(FileProblem.Kind.IN_USE_BY, folder, pid)
                    : FileProblem.of(FileProblem.Kind.IN_USE, folder));
        }
        return l;
    }

    /** Locks {@code folder}, or returns null if someone holds it. */
    public static FolderLock tryAcquire(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot lock " + folder + " (" + file + "): " + AtomicFiles.describe(e), e);
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null;
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot lock " + folder + " (" + file + "): " + AtomicFiles.describe(e), e);
        }
        if (lock == null) {
            ch.close();
            return null;
        }
        try {
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(pid), 0);
            ch.force(false);
        } catch (IOException e) {
            lock.release();
            ch.close();
            throw new IOException("cannot write " + file + ": " + AtomicFiles.describe(e), e);
        }
        return new FolderLock(folder, ch, lock);
    }

    /** The process id written by the holder of {@code folder}'s lock, or -1 if unknown. */
    static long holder(Path folder) {
        try {
            String s = Files.readString(folder.resolve(FILE), StandardCharsets.US_ASCII).trim();
            return s.isEmpty() ? -1 : Long.parseLong(s);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** The locked folder. */
    public Path folder() {
        return folder;
    }

    /**
     * Releases the lock. The file stays: deleting it would let a process that opened it just before
     * lock a file no longer at its path while a third locks a new one.
     */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        }
    }

    /** A folder locked by another writer. */
    public static final class FolderInUseException extends BadFileException {
        private static final long serialVersionUID = 1L;

        FolderInUseException(Path folder, FileProblem problem) {
            super(folder, problem);
        }
    }
}
