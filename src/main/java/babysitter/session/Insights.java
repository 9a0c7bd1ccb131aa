package babysitter.session;

import babysitter.store.InsightRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The insight reports of an epoch ({@link Report.ConfusionReport}, {@link Report.SamplesReport},
 * {@link Report.RegionsReport}) as store records of {@code insights.jsonl}, and back.
 *
 * <p>Payloads, kept small: arrays of numbers are little-endian bytes, deflated, in base64.
 * <ul>
 * <li>"confusion": {@code classNames}, {@code counts} (a JSON array, C × C row-major). Exact.
 * <li>"samples": {@code classNames, features, imageSide, labels}, {@code probabilities} (float32,
 *     exact) and {@code values} (float32, exact). The rows are the same every epoch, so an
 *     {@link Encoder} writes the values only when they differ from the last ones it wrote, else
 *     {@code "valuesAsBefore": true}; the {@link #decode decoder} takes them from the last record
 *     that had them.
 * <li>"regions": the range and grid size, {@code classOf} (one byte per cell, exact),
 *     {@code confidence} and {@code pointProbabilities} <b>quantised to one byte</b> (q/255, so
 *     within 0.2 percentage points: the map shows whole percentages), the points' {@code pointsX},
 *     {@code pointsY} (float32) and {@code pointLabels}, again only when they changed
 *     ({@code "pointsAsBefore": true} otherwise).
 * </ul>
 * A record that cannot be decoded is skipped with a warning that names its kind and epoch.
 */
public final class Insights {
    public static final String CONFUSION = "confusion";
    public static final String SAMPLES = "samples";
    public static final String REGIONS = "regions";
    /** The largest array a field may unpack to (a guard against a damaged or hostile file). */
    static final int MAX_FIELD_BYTES = 64 << 20;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Insights() {
    }

    /** Turns reports into records; remembers what it wrote last so unchanged rows and points are written once. */
    public static final class Encoder {
        private float[] lastValues;
        private float[] lastPointsX;
        private float[] lastPointsY;
        private int[] lastPointLabels;

        /** The record of an insight report, or null for other reports. */
        public InsightRecord encode(Report r, long timeMillis) {
            if (r instanceof Report.ConfusionReport c) {
                ObjectNode p = NODES.objectNode();
                p.set("classNames", names(c.classNames()));
                ArrayNode counts = p.putArray("counts");
                for (long n : c.counts()) {
                    counts.add(n);
                }
                return new InsightRecord(CONFUSION, c.epoch(), c.branch(), p, timeMillis);
            }
            if (r instanceof Report.SamplesReport s) {
                ObjectNode p = NODES.objectNode();
                p.set("classNames", names(s.classNames()));
                p.put("features", s.features());
                p.put("imageSide", s.imageSide());
                p.set("labels", ints(s.labels()));
                p.put("probabilities", floats(s.probabilities()));
                float[] values = s.values();
                if (Arrays.equals(values, lastValues)) {
                    p.put("valuesAsBefore", true);
                } else {
                    p.put("values", floats(values));
                    lastValues = values;
                }
                return new InsightRecord(SAMPLES, s.epoch(), s.branch(), p, timeMillis);
            }
            if (r instanceof Report.RegionsReport g) {
                ObjectNode p = NODES.objectNode();
                p.set("classNames", names(g.classNames()));
                p.put("xMin", g.xMin());
                p.put("xMax", g.xMax());
                p.put("yMin", g.yMin());
                p.put("yMax", g.yMax());
                p.put("width", g.width());
                p.put("height", g.height());
                p.put("classOf", pack(g.classOf()));
                p.put("confidence", pack(quantise(g.confidence())));
                p.put("pointProbabilities", pack(quantise(g.pointProbabilities())));
                float[] xs = g.pointsX();
                float[] ys = g.pointsY();
                int[] labels = g.pointLabels();
                if (Arrays.equals(xs, lastPointsX) && Arrays.equals(ys, lastPointsY)
                        && Arrays.equals(labels, lastPointLabels)) {
                    p.put("pointsAsBefore", true);
                } else {
                    p.put("pointsX", floats(xs));
                    p.put("pointsY", floats(ys));
                    p.set("pointLabels", ints(labels));
                    lastPointsX = xs;
                    lastPointsY = ys;
                    lastPointLabels = labels;
                }
                return new InsightRecord(REGIONS, g.epoch(), g.branch(), p, timeMillis);
            }
            return null;
        }
    }

    /**
     * The reports of {@code records}, in their order; a record that cannot be decoded (unknown kind,
     * malformed payload, rows or points that were only in a lost line) is skipped and described in
     * {@code warnings}.
     */
    public static List<Report> decode(List<InsightRecord> records, List<String> warnings) {
        List<Report> out = new ArrayList<>();
        Decoder decoder = new Decoder();
        for (InsightRecord rec : records) {
            Report r = decoder.decode(rec, warnings);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Turns records into reports one at a time, in file order; remembers the last rows and points it
     * read, which the records that say "as before" need, and nothing else.
     */
    public static final class Decoder {
        private float[] values;
        private float[][] points;
        private int[] pointLabels;

        /**
         * The report of {@code rec}, or null if it cannot be decoded (unknown kind, malformed payload,
         * rows or points that were only in a lost line), which is then described in {@code warnings}.
         */
        public Report decode(InsightRecord rec, List<String> warnings) {
            try {
                return decode(rec);
            } catch (IllegalArgumentException e) {
                warnings.add("insight \"" + rec.kind() + "\" of epoch " + (rec.epoch() + 1) + ", branch "
                        + rec.branch() + ": skipped: " + e.getMessage());
                return null;
            }
        }

        private Report decode(InsightRecord rec) {
            ObjectNode p = rec.payload();
            switch (rec.kind()) {
                case CONFUSION -> {
                    JsonNode counts = p.path("counts");
                    if (!counts.isArray()) {
                        throw new IllegalArgumentException("\"counts\" must be an array");
                    }
                    long[] c = new long[counts.size()];
                    for (int i = 0; i < c.length; i++) {
                        if (!counts.get(i).canConvertToLong()) {
                            throw new IllegalArgumentException("\"counts\" must hold integers");
                        }
                        c[i] = counts.get(i).longValue();
                    }
                    return new Report.ConfusionReport(rec.epoch(), rec.branch(), readNames(p), c);
                }
                case SAMPLES -> {
                    if (p.has("values")) {
                        values = unfloats(p, "values");
                    } else if (!p.path("valuesAsBefore").asBoolean(false) || values == null) {
                        throw new IllegalArgumentException("its rows were in an earlier line that is missing");
                    }
                    return new Report.SamplesReport(rec.epoch(), rec.branch(), readNames(p),
                            integer(p, "features"), integer(p, "imageSide"), values, unints(p, "labels"),
                            unfloats(p, "probabilities"));
                }
                case REGIONS -> {
                    if (p.has("pointsX")) {
                        points = new float[][] {unfloats(p, "pointsX"), unfloats(p, "pointsY")};
                        pointLabels = unints(p, "pointLabels");
                    } else if (!p.path("pointsAsBefore").asBoolean(false) || points == null) {
                        throw new IllegalArgumentException("its points were in an earlier line that is missing");
                    }
                    return new Report.RegionsReport(rec.epoch(), rec.branch(), readNames(p), number(p, "xMin"),
                            number(p, "xMax"), number(p, "yMin"), number(p, "yMax"), integer(p, "width"),
                            integer(p, "height"), unpack(p, "classOf"), unquantise(unpack(p, "confidence")),
                            points[0], points[1], pointLabels, unquantise(unpack(p, "pointProbabilities")));
                }
                default -> throw new IllegalArgumentException("unknown kind (written by a newer version?)");
            }
        }
    }

    // ------------------------------------------------------------------ encoding

    private static ArrayNode names(List<String> names) {
        ArrayNode a = NODES.arrayNode();
        names.forEach(a::add);
        return a;
    }

    private static ArrayNode ints(int[] values) {
        ArrayNode a = NODES.arrayNode();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    private static String floats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return pack(b.array());
    }

    /** Probabilities in [0, 1] as bytes q = round(255·p). */
    static byte[] quantise(float[] p) {
        byte[] q = new byte[p.length];
        for (int i = 0; i < p.length; i++) {
            float v = Float.isNaN(p[i]) ? 0 : Math.max(0, Math.min(1, p[i]));
            q[i] = (byte) Math.round(255 * v);
        }
        return q;
    }

    static float[] unquantise(byte[] q) {
        float[] p = new float[q.length];
        for (int i = 0; i < q.length; i++) {
            p[i] = Byte.toUnsignedInt(q[i]) / 255f;
        }
        return p;
    }

    /** Deflated, then base64. */
    static String pack(byte[] bytes) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(bytes);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 16);
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            d.end();
        }
    }

    // ------------------------------------------------------------------ decoding

    private static List<String> readNames(ObjectNode p) {
        JsonNode a = p.path("classNames");
        if (!a.isArray()) {
            throw new IllegalArgumentException("\"classNames\" must be an array");
        }
        List<String> names = new ArrayList<>();
        a.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static int integer(ObjectNode p, String field) {
        JsonNode v = p.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an integer, got " + v);
        }
        return v.intValue();
    }

    private static double number(ObjectNode p, String field) {
        JsonNode v = p.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a number, got " + v);
        }
        return v.doubleValue();
    }

    private static int[] unints(ObjectNode p, String field) {
        JsonNode a = p.get(field);
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an array");
        }
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            if (!a.get(i).canConvertToInt() || !a.get(i).isIntegralNumber()) {
                throw new IllegalArgumentException("\"" + field + "\" must hold integers");
            }
            v[i] = a.get(i).intValue();
        }
        return v;
    }

    private static float[] unfloats(ObjectNode p, String field) {
        byte[] bytes = unpack(p, field);
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException("\"" + field + "\" is not a whole number of float32 values");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getFloat();
        }
        return v;
    }

    /** The bytes of a deflated base64 field. */
    static byte[] unpack(ObjectNode p, String field) {
        JsonNode v = p.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a base64 string");
        }
        byte[] deflated;
        try {
            deflated = Base64.getDecoder().decode(v.textValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not base64: " + e.getMessage());
        }
        Inflater inf = new Inflater();
        try {
            inf.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 4 + 16);
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new IllegalArgumentException("\"" + field + "\" is cut short");
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_FIELD_BYTES) {
                    throw new IllegalArgumentException("\"" + field + "\" is larger than " + MAX_FIELD_BYTES
                            + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not deflated data: " + e.getMessage());
        } finally {
            inf.end();
        }
    }
}
