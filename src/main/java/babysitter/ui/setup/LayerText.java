package babysitter.ui.setup;

import babysitter.engine.Activation;
import babysitter.engine.LayerSpec;
import babysitter.i18n.Texts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The compact text form of the hidden layers: layers separated by commas, each written as
 * {@code units [activation] [bn]}, e.g. {@code "32 relu bn, 16 tanh"}; the activation defaults to
 * relu, and an empty text means no hidden layer (softmax regression).
 */
public final class LayerText {
    /** The example shown as the prompt of the field. */
    public static final String EXAMPLE = "32 relu bn, 32 relu bn";

    private LayerText() {
    }

    /** The activation names as written in the text (and in configuration files). */
    public static List<String> activationNames() {
        return Arrays.stream(Activation.values()).map(a -> a.name().toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Parses the text.
     *
     * @throws IllegalArgumentException with a message naming the layer, the offending word and the rule
     */
    public static List<LayerSpec> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String[] parts = text.split(",", -1);
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            layers.add(parseLayer(i + 1, parts[i].trim()));
        }
        return List.copyOf(layers);
    }

    private static LayerSpec parseLayer(int number, String part) {
        UnaryOperator<String> where = problem -> Texts.get("setup.layer.where", number, problem);
        if (part.isEmpty()) {
            throw new IllegalArgumentException(where.apply(Texts.get("setup.layer.empty")));
        }
        String[] words = part.split("\\s+");
        int units;
        if (!words[0].matches("[0-9]+")) {
            throw new IllegalArgumentException(where.apply(Texts.get("setup.layer.unitsNotWhole", words[0])));
        }
        try {
            units = Integer.parseInt(words[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where.apply(Texts.get("setup.layer.unitsTooLarge", words[0])));
        }
        if (units < 1) {
            throw new IllegalArgumentException(where.apply(Texts.get("setup.layer.unitsBelowOne", words[0])));
        }
        Activation activation = null;
        boolean batchNorm = false;
        for (int w = 1; w < words.length; w++) {
            String word = words[w].toLowerCase(Locale.ROOT);
            if (word.equals("bn")) {
                if (batchNorm) {
                    throw new IllegalArgumentException(where.apply(Texts.get("setup.layer.bnTwice")));
                }
                batchNorm = true;
            } else if (activation == null) {
                activation = activation(where, words[w]);
            } else {
                throw new IllegalArgumentException(where.apply(Texts.get("setup.layer.unexpected", words[w])));
            }
        }
        return new LayerSpec(units, activation == null ? Activation.RELU : activation, batchNorm);
    }

    private static Activation activation(UnaryOperator<String> where, String word) {
        String name = word.toLowerCase(Locale.ROOT).replace('-', '_');
        for (Activation a : Activation.values()) {
            if (a.name().toLowerCase(Locale.ROOT).equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException(where.apply(Texts.get("setup.layer.unknownActivation", word,
                String.join(", ", activationNames()))));
    }

    /** The text form of layers, which {@link #parse} reads back to equal layers. */
    public static String format(List<LayerSpec> layers) {
        return layers.stream()
                .map(l -> l.units() + " " + l.activation().name().toLowerCase(Locale.ROOT) + (l.batchNorm() ? " bn" : ""))
                .collect(Collectors.joining(", "));
    }
}
