package babysitter.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of the records written as lines: one compact JSON object per line with a
 * {@code "type"} field ("step", "epoch", "event" or "insight"). Doubles that are not finite are written as the
 * strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}; on reading, those strings and
 * JSON {@code null} (read as NaN) are accepted besides numbers.
 */
final class JsonLines {

    static final String TYPE = "type";
    static final String STEP = "step";
    static final String EPOCH = "epoch";
    static final String EVENT = "event";
    static final String INSIGHT = "insight";

    /** Compact output (never a raw newline: newlines inside strings are escaped). */
    static final ObjectMapper JSON = Json.MAPPER;

    private JsonLines() {
    }

    /** A line that could not be turned into a record; the message says why. */
    static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;

        BadLine(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------ writing

    static ObjectNode toJson(StepMetric m) {
        ObjectNode o = JSON.createObjectNode();
        o.put(TYPE, STEP);
        o.put("step", m.step());
        o.put("epoch", m.epoch());
        o.put("branch", m.branch());
        putDouble(o, "cost", m.cost());
        putDouble(o, "learningRate", m.learningRate());
        putDouble(o, "momentum", m.momentum());
        putDouble(o, "samplesPerSecond", m.samplesPerSecond());
        o.put("timeMillis", m.timeMillis());
        putIfKnown(o, "elapsedSeconds", m.elapsedSeconds());
        return o;
    }

    static ObjectNode toJson(EpochMetric m) {
        ObjectNode o = JSON.createObjectNode();
        o.put(TYPE, EPOCH);
        o.put("epoch", m.epoch());
        o.put("step", m.step());
        o.put("branch", m.branch());
        putDouble(o, "trainCost", m.trainCost());
        putDouble(o, "trainAccuracy", m.trainAccuracy());
        putDouble(o, "devCost", m.devCost());
        putDouble(o, "devAccuracy", m.devAccuracy());
        putDouble(o, "devCostTrainMode", m.devCostTrainMode());
        putDouble(o, "devAccuracyTrainMode", m.devAccuracyTrainMode());
        putDouble(o, "seconds", m.seconds());
        o.put("timeMillis", m.timeMillis());
        putIfKnown(o, "wallSeconds", m.wallSeconds());
        putIfKnown(o, "elapsedSeconds", m.elapsedSeconds());
        return o;
    }

    static ObjectNode toJson(RunEvent e) {
        ObjectNode o = JSON.createObjectNode();
        o.put(TYPE, EVENT);
        o.put("kind", e.kind());
        o.put("step", e.step());
        o.put("epoch", e.epoch());
        o.put("branch", e.branch());
        o.set("details", EventCodec.details(e.event()));
        o.put("timeMillis", e.timeMillis());
        return o;
    }

    static ObjectNode toJson(InsightRecord r) {
        ObjectNode o = JSON.createObjectNode();
        o.put(TYPE, INSIGHT);
        o.put("kind", r.kind());
        o.put("epoch", r.epoch());
        o.put("branch", r.branch());
        o.put("timeMillis", r.timeMillis());
        o.set("payload", r.payload());
        return o;
    }

    /** The bytes of one line: compact JSON in UTF-8 followed by '\n'. */
    static byte[] line(ObjectNode o) {
        return Json.line(o);
    }

    static void putDouble(ObjectNode o, String field, double value) {
        if (Double.isFinite(value)) {
            o.put(field, value);
        } else if (Double.isNaN(value)) {
            o.put(field, "NaN");
        } else {
            o.put(field, value > 0 ? "Infinity" : "-Infinity");
        }
    }

    // ------------------------------------------------------------------ reading

    /** The record of a line's JSON written by the current version ({@link #parse(JsonNode, String)}). */
    static Record parse(JsonNode o) throws BadLine {
        return parse(o, null);
    }

    /**
     * The record of a line's JSON: a {@link StepMetric}, {@link EpochMetric}, {@link RunEvent} or {@link InsightRecord}.
     *
     * @param recordedBy the program version that wrote the run (run.json's {@code version}), null for the current one
     */
    static Record parse(JsonNode o, String recordedBy) throws BadLine {
        if (o == null || !o.isObject()) {
            throw new BadLine("not a JSON object");
        }
        JsonNode type = o.get(TYPE);
        if (type == null || !type.isTextual()) {
            throw new BadLine("no \"type\" field");
        }
        try {
            switch (type.textValue()) {
                case STEP:
                    return new StepMetric(longValue(o, "step"), intValue(o, "epoch"), intValue(o, "branch"),
                            doubleValue(o, "cost"), doubleValue(o, "learningRate"), doubleValue(o, "momentum"),
                            doubleValue(o, "samplesPerSecond"), longValue(o, "timeMillis"),
                            optionalDouble(o, "elapsedSeconds"));
                case EPOCH:
                    return new EpochMetric(intValue(o, "epoch"), longValue(o, "step"), intValue(o, "branch"),
                            doubleValue(o, "trainCost"), doubleValue(o, "trainAccuracy"), doubleValue(o, "devCost"),
                            doubleValue(o, "devAccuracy"), doubleValue(o, "devCostTrainMode"),
                            doubleValue(o, "devAccuracyTrainMode"), doubleValue(o, "seconds"),
                            longValue(o, "timeMillis"), optionalDouble(o, "wallSeconds"),
                            optionalDouble(o, "elapsedSeconds"));
                case EVENT:
                    JsonNode details = o.get("details");
                    if (details != null && !details.isNull() && !details.isObject()) {
                        throw new BadLine("\"details\" must be an object, got " + details);
                    }
                    String kind = text(o, "kind");
                    if (kind.isBlank()) {
                        throw new BadLine("field \"kind\" must not be blank");
                    }
                    return new RunEvent(longValue(o, "step"), intValue(o, "epoch"), intValue(o, "branch"),
                            EventCodec.read(kind, details instanceof ObjectNode d ? d : null, recordedBy),
                            longValue(o, "timeMillis"));
                case INSIGHT:
                    JsonNode payload = o.get("payload");
                    if (!(payload instanceof ObjectNode p)) {
                        throw new BadLine("\"payload\" must be an object, got " + payload);
                    }
                    return new InsightRecord(text(o, "kind"), intValue(o, "epoch"), intValue(o, "branch"), p,
                            longValue(o, "timeMillis"));
                default:
                    throw new BadLine("unknown type \"" + type.textValue() + "\"");
            }
        } catch (IllegalArgumentException e) {
            throw new BadLine(e.getMessage());
        }
    }

    private static JsonNode field(JsonNode o, String name) throws BadLine {
        JsonNode v = o.get(name);
        if (v == null) {
            throw new BadLine("field \"" + name + "\" is missing");
        }
        return v;
    }

    static long longValue(JsonNode o, String name) throws BadLine {
        JsonNode v = field(o, name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new BadLine("field \"" + name + "\" must be an integer, got " + v);
        }
        return v.longValue();
    }

    static int intValue(JsonNode o, String name) throws BadLine {
        JsonNode v = field(o, name);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new BadLine("field \"" + name + "\" must be a 32-bit integer, got " + v);
        }
        return v.intValue();
    }

    static String text(JsonNode o, String name) throws BadLine {
        JsonNode v = field(o, name);
        if (!v.isTextual()) {
            throw new BadLine("field \"" + name + "\" must be a string, got " + v);
        }
        return v.textValue();
    }

    /** A number, null (NaN) or one of the strings "NaN", "Infinity", "-Infinity". */
    /** Writes a field that may be unknown (NaN) only when it is known: such lines read back the same. */
    private static void putIfKnown(ObjectNode o, String name, double v) {
        if (!Double.isNaN(v)) {
            putDouble(o, name, v);
        }
    }

    /** A number field that lines written before it existed lack: NaN when absent. */
    static double optionalDouble(JsonNode o, String name) throws BadLine {
        return o.has(name) ? doubleValue(o, name) : Double.NaN;
    }

    /**
     * A number as the run files write it: a JSON number, or a non-finite one as null (NaN), "NaN",
     * "Infinity" or "-Infinity"; null when {@code v} is none of these.
     */
    static Double number(JsonNode v) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isNull()) {
            return Double.NaN;
        }
        if (v.isTextual()) {
            switch (v.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        return null;
    }

    static double doubleValue(JsonNode o, String name) throws BadLine {
        Double d = number(field(o, name));
        if (d != null) {
            return d;
        }
        JsonNode v = o.get(name);
        throw new BadLine("field \"" + name + "\" must be a number, null, \"NaN\", \"Infinity\" or \"-Infinity\", got "
                + v);
    }
}
