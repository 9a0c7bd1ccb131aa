package babysitter.session.training;

/**
 * A run that would need more memory than the program may use (a network too wide for the data it
 * was given); found before anything is allocated or created. The message names the setting to change.
 */
public final class TooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TooLargeException(String message) {
        super(message);
    }
}
