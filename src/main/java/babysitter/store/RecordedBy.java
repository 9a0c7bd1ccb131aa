package babysitter.store;

import babysitter.engine.LrDecay;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the program version that recorded a run meant by what it wrote, where that differs from
 * what the current version means (the {@code version} of run.json; null for the current one).
 */
public final class RecordedBy {
    private RecordedBy() {
    }

    /**
     * Whether settings with learning-rate decay {@code decay} recorded by {@code version} decayed
     * with the fixed base 0.95 whatever their {@code decayRate} said: version 0.1.0's exponential
     * decay did (and wrote a rate of 0 by default).
     */
    public static boolean fixedExponentialBase(String version, LrDecay decay) {
        return "0.1.0".equals(version) && decay == LrDecay.EXPONENTIAL;
    }

    /** The version that recorded a run, from its run.json (null when it does not say). */
    public static String versionOf(JsonNode runJson) {
        var v = runJson == null ? null : runJson.get("version");
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
