package babysitter.session.insights;

import babysitter.session.reports.Report;
import babysitter.store.InsightRecord;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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

    private Insights() {
    }

    /** The payload of a "confusion" record. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfusionPayload(List<String> classNames, long[] counts) {
    }

    /** The payload of a "samples" record: {@code values}, or {@code valuesAsBefore} when they did not change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SamplesPayload(List<String> classNames, Integer features, Integer imageSide, int[] labels,
                          String probabilities, Boolean valuesAsBefore, String values) {
    }

    /** The payload of a "regions" record: the points, or {@code pointsAsBefore} when they did not change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RegionsPayload(List<String> classNames, Double xMin, Double xMax, Double yMin, Double yMax, Integer width,
                          Integer height, String classOf, String confidence, String pointProbabilities,
                          Boolean pointsAsBefore, String pointsX, String pointsY, int[] pointLabels) {
    }

    /** What each payload field must be, for the warning when a record breaks it. */
    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("classNames", "must be an array"), Map.entry("counts", "must hold integers"),
            Map.entry("labels", "must hold integers"), Map.entry("pointLabels", "must hold integers"),
            Map.entry("features", "must be an integer"), Map.entry("imageSide", "must be an integer"),
            Map.entry("width", "must be an integer"), Map.entry("height", "must be an integer"),
            Map.entry("xMin", "must be a number"), Map.entry("xMax", "must be a number"),
            Map.entry("yMin", "must be a number"), Map.entry("yMax", "must be a number"),
            Map.entry("valuesAsBefore", "must be true or false"), Map.entry("pointsAsBefore", "must be true or false"));

    /** Turns reports into records; remembers what it wrote last so unchanged rows and points are written once. */
    public static final class Encoder {
        private float[] lastValues;
        private float[] lastPointsX;
        private float[] lastPointsY;
        private int[] lastPointLabels;

        /** The record of an insight report, or null for other reports. */
        public InsightRecord encode(Report r, long timeMillis) {
            if (r instanceof Report.ConfusionReport c) {
                return InsightRecord.of(CONFUSION, c.epoch(), c.branch(),
                        new ConfusionPayload(c.classNames(), c.counts()), timeMillis);
            }
            if (r instanceof Report.SamplesReport s) {
                float[] values = s.values();
                boolean same = Arrays.equals(values, lastValues);
                if (!same) {
                    lastValues = values;
                }
                return InsightRecord.of(SAMPLES, s.epoch(), s.branch(), new SamplesPayload(s.classNames(),
                        s.features(), s.imageSide(), s.labels(), floats(s.probabilities()), same ? Boolean.TRUE : null,
                        same ? null : floats(values)), timeMillis);
            }
            if (r instanceof Report.RegionsReport g) {
                float[] xs = g.pointsX();
                float[] ys = g.pointsY();
                int[] labels = g.pointLabels();
                boolean same = Arrays.equals(xs, lastPointsX) && Arrays.equals(ys, lastPointsY)
                        && Arrays.equals(labels, lastPointLabels);
                if (!same) {
                    lastPointsX = xs;
                    lastPointsY = ys;
                    lastPointLabels = labels;
                }
                return InsightRecord.of(REGIONS, g.epoch(), g.branch(), new RegionsPayload(g.classNames(), g.xMin(),
                        g.xMax(), g.yMin(), g.yMax(), g.width(), g.height(), pack(g.classOf()),
                        pack(quantise(g.confidence())), pack(quantise(g.pointProbabilities())),
                        same ? Boolean.TRUE : null, same ? null : floats(xs), same ? null : floats(ys),
                        same ? null : labels), timeMillis);
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
            switch (rec.kind()) {
                case CONFUSION -> {
                    ConfusionPayload p = read(rec, ConfusionPayload.class);
                    return new Report.ConfusionReport(rec.epoch(), rec.branch(), names(p.classNames()),
                            required(p.counts(), "counts", "must be an array"));
                }
                case SAMPLES -> {
                    SamplesPayload p = read(rec, SamplesPayload.class);
                    if (p.values() != null) {
                        values = unfloats(p.values(), "values");
                    } else if (!Boolean.TRUE.equals(p.valuesAsBefore()) || values == null) {
                        throw new IllegalArgumentException("its rows were in an earlier line that is missing");
                    }
                    return new Report.SamplesReport(rec.epoch(), rec.branch(), names(p.classNames()),
                            integer(p.features(), "features"), integer(p.imageSide(), "imageSide"), values,
                            required(p.labels(), "labels", "must be an array"),
                            unfloats(p.probabilities(), "probabilities"));
                }
                case REGIONS -> {
                    RegionsPayload p = read(rec, RegionsPayload.class);
                    if (p.pointsX() != null) {
                        points = new float[][] {unfloats(p.pointsX(), "pointsX"), unfloats(p.pointsY(), "pointsY")};
                        pointLabels = required(p.pointLabels(), "pointLabels", "must be an array");
                    } else if (!Boolean.TRUE.equals(p.pointsAsBefore()) || points == null) {
                        throw new IllegalArgumentException("its points were in an earlier line that is missing");
                    }
                    return new Report.RegionsReport(rec.epoch(), rec.branch(), names(p.classNames()),
                            number(p.xMin(), "xMin"), number(p.xMax(), "xMax"), number(p.yMin(), "yMin"),
                            number(p.yMax(), "yMax"), integer(p.width(), "width"), integer(p.height(), "height"),
                            unpack(p.classOf(), "classOf"), unquantise(unpack(p.confidence(), "confidence")),
                            points[0], points[1], pointLabels,
                            unquantise(unpack(p.pointProbabilities(), "pointProbabilities")));
                }
                default -> throw new IllegalArgumentException("unknown kind (written by a newer version?)");
            }
        }
    }

    /** The payload as a {@code type}; a field that does not fit is named with its rule. */
    private static <T> T read(InsightRecord rec, Class<T> type) {
        try {
            return rec.payloadAs(type);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
            throw new IllegalArgumentException(field == null ? "the payload is not an object: " + e.getOriginalMessage()
                    : "\"" + field + "\" " + RULES.getOrDefault(field, "must be a base64 string"));
        } catch (IOException e) {
            throw new IllegalArgumentException("the payload cannot be read: " + e.getMessage());
        }
    }

    private static <T> T required(T value, String field, String rule) {
        if (value == null) {
            throw new IllegalArgumentException("\"" + field + "\" " + rule);
        }
        return value;
    }

    // ------------------------------------------------------------------ encoding

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

    private static List<String> names(List<String> names) {
        return required(names, "classNames", "must be an array");
    }

    private static int integer(Integer v, String field) {
        return required(v, field, "must be an integer, got null");
    }

    private static double number(Double v, String field) {
        return required(v, field, "must be a number, got null");
    }

    private static float[] unfloats(String packed, String field) {
        byte[] bytes = unpack(packed, field);
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
    static byte[] unpack(String packed, String field) {
        if (packed == null) {
            throw new IllegalArgumentException("\"" + field + "\" must be a base64 string");
        }
        byte[] deflated;
        try {
            deflated = Base64.getDecoder().decode(packed);
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
