package babysitter.search.cluster;

import java.util.Objects;

/**
 * Bytes of one file of a trial's run folder, as a worker sends them home.
 *
 * @param path   the file's path inside the run folder, '/'-separated
 * @param offset where the bytes go (an append-only file grows from its last length)
 * @param whole  true: the bytes are the whole file (written atomically); false: appended at offset
 * @param bytes  the bytes
 */
record FileChunk(String path, long offset, boolean whole, byte[] bytes) {
    FileChunk {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
    }
}
