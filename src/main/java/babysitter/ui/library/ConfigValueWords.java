package babysitter.ui.library;

import babysitter.i18n.Texts;
import java.util.Locale;
import java.util.Map;

/**
 * A configuration value in the runs' comparison as a person reads it: the stored names of the
 * activations, optimizers, decays, precisions, data sets, batch orders and yes/no in the window's
 * language ("RELU" → "ReLU", "ADAM" → "Adam", "true" → "예"). Numbers, paths and a name this program
 * does not know (a newer program's) show as stored.
 */
final class ConfigValueWords {
    // by the field's name, or by its whole path where the name alone says too little ("kind")
    private static final Map<String, String> PREFIXES = Map.of(
            "activation", "words.activation.",
            "optimizer.kind", "words.optimizer.",
            "optimizer.decay", "words.decay.",
            "data.kind", "words.data.",
            "network.precision", "words.precision.",
            "network.bnRunningVariance", "words.runningVariance.",
            "batchOrder", "words.batchOrder.");

    private ConfigValueWords() {
    }

    /** The words of {@code value} stored at the dotted JSON path {@code key} ("network.hidden[0].activation"). */
    static String say(String key, String value) {
        if (value.isEmpty()) {
            return value;
        }
        String prefix = prefix(key.substring(key.lastIndexOf('.') + 1), key);
        if (prefix == null && (value.equals("true") || value.equals("false"))) {
            prefix = "words.boolean.";
        }
        if (prefix == null) {
            return value;
        }
        // the data sets' names are stored in lower case, the enums' in upper case
        String wordsKey = prefix + (prefix.equals("words.data.") ? value : value.toUpperCase(Locale.ROOT));
        return Texts.bundle().containsKey(wordsKey) ? Texts.get(wordsKey) : value;
    }

    /** The bundle keys' prefix of a field's values, or null when its values are not names. */
    private static String prefix(String field, String key) {
        String prefix = PREFIXES.get(key);
        return prefix != null ? prefix : PREFIXES.get(field);
    }
}
