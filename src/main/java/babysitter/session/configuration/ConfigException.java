package babysitter.session.configuration;

/**
 * A configuration that cannot be used: the message names the file, the JSON path of the value
 * (e.g. {@code network.hidden[1].units}) and the rule it breaks.
 */
public final class ConfigException extends Exception {
    private final String jsonPath;

    public ConfigException(String jsonPath, String message) {
        super(message);
        this.jsonPath = jsonPath;
    }

    /** The JSON path of the offending value, or "" for the whole document. */
    public String jsonPath() {
        return jsonPath;
    }
}
