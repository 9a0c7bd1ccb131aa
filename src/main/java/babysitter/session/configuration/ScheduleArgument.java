package babysitter.session.configuration;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Schedule entries written on the command line, as {@code epoch=5:learningRate=0.003} or
 * {@code step=900:momentum=0.95:batchSize=64}: the point first, then one or more changes, all
 * read by the same strict rules as the configuration file's {@code schedule}.
 */
public final class ScheduleArgument {
    private ScheduleArgument() {
    }

    /** {@code config} with the entries of {@code args} added after its own, checked. */
    public static RunConfig addTo(RunConfig config, List<String> args) throws ConfigException {
        List<ScheduleEntry> all = new ArrayList<>(config.schedule());
        for (String arg : args) {
            int index = all.size();
            String source = "--set " + arg;
            ScheduleEntry e = parse(arg, index, source);
            ConfigFiles.checkSchedule(List.of(e), index, config.optimizer().toHyperparameters(), source);
            ConfigFiles.checkScheduledLearningRates(List.of(e), index, source);
            all.add(e);
        }
        return config.withSchedule(all);
    }

    /** One {@code --set} value as entry number {@code index} of the schedule. */
    static ScheduleEntry parse(String arg, int index, String source) throws ConfigException {
        String path = "schedule[" + index + "]";
        String[] parts = arg.split(":", -1);
        if (parts.length < 2) {
            throw new ConfigException(path, source + ": " + path + ": expected the point and at least one change, as "
                    + "epoch=5:learningRate=0.003 or step=900:momentum=0.95");
        }
        Map<String, Object> at = new LinkedHashMap<>();
        Map<String, Object> set = new LinkedHashMap<>();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", at);
        entry.put("set", set);
        for (int i = 0; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(path, source + ": " + path + ": '" + parts[i] + "' is not key=value");
            }
            String key = parts[i].substring(0, eq).trim();
            String value = parts[i].substring(eq + 1).trim();
            Map<String, Object> target = i == 0 ? at : set;
            if (i == 0 && !key.equals("epoch") && !key.equals("step")) {
                throw new ConfigException(path + ".at", source + ": " + path + ".at: the point comes first, as epoch=N or step=N, "
                        + "not '" + parts[i] + "'");
            }
            if (target.containsKey(key)) {
                throw new ConfigException(path + ".set." + key, source + ": " + path + ".set." + key + ": given twice");
            }
            target.put(key, value(value));
        }
        try {
            return ConfigFiles.convert(entry, ScheduleEntry.class, source);
        } catch (ConfigException c) {
            String inner = c.jsonPath();
            String full = inner.isEmpty() ? path : path + "." + inner;
            String said = source + ": " + inner;
            String rest = c.getMessage().startsWith(said) ? c.getMessage().substring(said.length())
                    : c.getMessage().startsWith(source) ? c.getMessage().substring(source.length()) : ": " + c.getMessage();
            throw new ConfigException(full, source + ": " + full + (rest.startsWith(":") ? "" : ":") + rest);
        }
    }

    /** A number as a JSON number (so that "0.003" reads as the number), anything else as text. */
    private static Object value(String text) {
        try {
            Object n = ConfigFiles.MAPPER.readValue(text, Object.class);
            if (n instanceof Number) {
                return n;
            }
        } catch (JsonProcessingException e) {
            // not a number: the text, which the entry's reading judges
        }
        return text;
    }
}
