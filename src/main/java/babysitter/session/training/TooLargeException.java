package babysitter.session.training;

import babysitter.session.configuration.NetworkSpec;

/**
 * A run that would need more memory than the program may use (a network too wide for the data it
 * was given); found before anything is allocated or created. The message names the setting to
 * change; the parts are kept for a window to say it in its language.
 */
public final class TooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final transient NetworkSpec.TooLarge size;
    private final int features;
    private final int classes;

    /**
     * @param path     the configuration path the message starts with (the widest layer's units)
     * @param size     what the network would need
     * @param features the data's features
     * @param classes  the data's classes
     */
    public TooLargeException(String path, NetworkSpec.TooLarge size, int features, int classes) {
        super(path + ": " + size.english() + " (data of " + features + " features, " + classes + " classes)");
        this.path = path;
        this.size = size;
        this.features = features;
        this.classes = classes;
    }

    public String path() {
        return path;
    }

    public NetworkSpec.TooLarge size() {
        return size;
    }

    public int features() {
        return features;
    }

    public int classes() {
        return classes;
    }
}
