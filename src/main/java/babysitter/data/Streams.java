package babysitter.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opening data files: a missing path is a one-line error; gzip is recognised by its magic bytes. */
final class Streams {
    private static final int BUFFER = 1 << 16;

    private Streams() {
    }

    /** Opens a regular file, decompressing it if it starts with the gzip magic bytes 1f 8b. */
    static InputStream open(Path file, DataFileException.Word expected) {
        if (!Files.exists(file)) {
            throw new DataFileException(file, DataFileException.Kind.NO_SUCH_FILE, expected);
        }
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, DataFileException.Kind.NOT_A_FILE, expected);
        }
        try {
            return maybeGunzip(Files.newInputStream(file));
        } catch (IOException e) {
            throw DataFileException.cannotRead(file, e);
        }
    }

    /** {@code in}, buffered, and decompressed if it starts with the gzip magic bytes. */
    static InputStream maybeGunzip(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
        if (isGzip(buffered)) {
            return new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER);
        }
        return buffered;
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }
}
