package babysitter.search;

import babysitter.store.BadFileException;
import java.nio.file.Path;

/** A folder that already holds a search where a new one was to be made. */
public final class AlreadyASearchException extends BadFileException {
    private static final long serialVersionUID = 1L;

    AlreadyASearchException(Path dir, String message) {
        super(dir, "", message);
    }
}
