package babysitter.session;

import babysitter.store.RunEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The short text of a chart marker for a recorded event ("α 0.03→0.01", "rewind to epoch-0007"),
 * the same for a live session, an opened run and the report.
 */
public final class EventLabels {
    private EventLabels() {
    }

    /** An event as a report, with a short label for chart markers. */
    public static Report.EventReport toReport(RunEvent e) {
        return toReport(e, Double.NaN);
    }

    /** An event as a report, with a short label for chart markers, at {@code elapsedSeconds} of training. */
    public static Report.EventReport toReport(RunEvent e, double elapsedSeconds) {
        Map<String, String> details = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = e.details().fields();
        while (it.hasNext()) {
            var f = it.next();
            details.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
        }
        return new Report.EventReport(e.kind(), e.step(), e.epoch(), e.branch(), label(e), details, elapsedSeconds);
    }

    public static String label(RunEvent e) {
        var d = e.details();
        return switch (e.kind()) {
            case "hyperparameters" -> changeLabel(d.path("from"), d.path("to"));
            case "rewind" -> "rewind to " + d.path("to").asText();
            case "checkpoint" -> "checkpoint " + d.path("id").asText();
            case "guard" -> "guard: " + d.path("reason").asText();
            case "early-stop" -> "early stop (best " + d.path("best").asText() + ")";
            case "siblings" -> "siblings ×" + d.path("count").asText() + " from " + d.path("checkpoint").asText();
            case "siblings-adopted" -> "adopted sibling " + (d.path("index").asInt() + 1) + " (α "
                    + short_(d.path("alpha")) + (d.path("beta").isMissingNode() ? ""
                    : ", " + betaSymbol(d.path("betaName").asText("momentum")) + " " + short_(d.path("beta"))) + ")";
            case "siblings-discarded" -> "siblings discarded";
            case "lr-range-test" -> d.path("suggested").isNumber() && Double.isFinite(d.path("suggested").asDouble())
                    ? "range test: α " + short_(d.path("suggested")) : "range test: no clear descent";
            default -> e.kind();
        };
    }

    /** "β1" for "beta1", "β2" for "beta2", else "β" (momentum, and events written before the name was). */
    private static String betaSymbol(String key) {
        return switch (key) {
            case "beta1" -> "β1";
            case "beta2" -> "β2";
            default -> "β";
        };
    }

    private static String changeLabel(JsonNode from,
                                      JsonNode to) {
        List<String> parts = new ArrayList<>();
        String[][] names = {{"learningRate", "α"}, {"momentum", "β"}, {"beta1", "β1"}, {"beta2", "β2"},
            {"epsilon", "ε"}, {"l2", "λ"}, {"batchSize", "batch"}, {"decay", "decay"}, {"decayRate", "decay rate"}};
        if (!from.path("kind").equals(to.path("kind"))) {
            parts.add("optimiser → " + pretty(to.path("kind").asText()));
        }
        for (String[] n : names) {
            if (!from.path(n[0]).equals(to.path(n[0]))) {
                parts.add(n[1] + " " + short_(from.path(n[0])) + "→" + short_(to.path(n[0])));
            }
        }
        return parts.isEmpty() ? "hyperparameters" : String.join(", ", parts);
    }

    private static String pretty(String kind) {
        return switch (kind) {
            case "ADAM" -> "Adam";
            case "RMSPROP" -> "RMSprop";
            case "MOMENTUM" -> "momentum";
            case "SGD" -> "SGD";
            default -> kind;
        };
    }

    private static String short_(JsonNode v) {
        if (v.isNumber()) {
            double d = v.asDouble();
            return d == Math.rint(d) && Math.abs(d) < 1e6 ? Long.toString((long) d)
                    : String.format(Locale.ROOT, "%.3g", d).replaceAll("\\.?0+(e|$)", "$1");
        }
        return v.asText().toLowerCase(Locale.ROOT);
    }

}
