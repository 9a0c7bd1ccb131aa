package babysitter.ui.library;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Configurations of several runs side by side: one row per key (dotted JSON path), marked when the runs differ. */
final class ConfigDiff {
    private ConfigDiff() {
    }

    /** One key and its value in each run ("" where a run lacks it). */
    record Row(String key, List<String> values, boolean differs) {
        Row {
            values = List.copyOf(values);
        }
    }

    /** The rows of {@code configs} (each a run's {@code run.json}), keys in the order first met. */
    static List<Row> of(List<JsonNode> configs) {
        List<Map<String, String>> flat = new ArrayList<>();
        LinkedHashMap<String, Boolean> keys = new LinkedHashMap<>();
        for (JsonNode c : configs) {
            Map<String, String> m = new LinkedHashMap<>();
            flatten("", c.path("config"), m);
            JsonNode sizes = c.path("network").path("layerSizes");
            if (!sizes.isMissingNode()) {
                m.put("network.layerSizes", sizes.toString());
            }
            m.keySet().forEach(k -> keys.put(k, true));
            flat.add(m);
        }
        List<Row> rows = new ArrayList<>();
        for (String k : keys.keySet()) {
            List<String> values = new ArrayList<>();
            for (Map<String, String> m : flat) {
                values.add(m.getOrDefault(k, ""));
            }
            boolean differs = values.stream().anyMatch(v -> !Objects.equals(v, values.get(0)));
            rows.add(new Row(k, values, differs));
        }
        return rows;
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (n.isArray() && n.size() > 0 && n.get(0).isObject()) {
            for (int i = 0; i < n.size(); i++) {
                flatten(prefix + "[" + i + "]", n.get(i), out);
            }
        } else if (!n.isMissingNode() && !n.isNull()) {
            out.put(prefix, n.isTextual() ? n.asText() : n.toString());
        }
    }
}
