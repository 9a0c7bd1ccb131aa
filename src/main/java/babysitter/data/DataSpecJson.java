package babysitter.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.util.StdConverter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code data} object of a configuration file as it is read and written: every field of every
 * kind, absent ones null. It holds the rules of a data description (which fields a kind takes, the
 * ranges), so that a file and the typed {@link DataSpec} records are checked by the same words, each
 * naming the JSON field ({@code data.noise must be a finite number >= 0, got -1}).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
record DataSpecJson(String kind, Integer n, Integer classes, Integer arms, Double noise, String path,
                    String labelColumn, Boolean header, double devFraction, double testFraction,
                    boolean standardize, Long seed, Boolean shuffleSplit, DataPrecision precision) {

    DataSpecJson {
        check(kind, n, classes, arms, noise, path, labelColumn, header, devFraction, testFraction);
    }

    /** The JSON form: absent fraction and standardisation fields take their defaults. */
    @JsonCreator
    static DataSpecJson fromJson(@JsonProperty("kind") String kind, @JsonProperty("n") Integer n,
                                 @JsonProperty("classes") Integer classes, @JsonProperty("arms") Integer arms,
                                 @JsonProperty("noise") Double noise, @JsonProperty("path") String path,
                                 @JsonProperty("labelColumn") String labelColumn, @JsonProperty("header") Boolean header,
                                 @JsonProperty("devFraction") Double devFraction,
                                 @JsonProperty("testFraction") Double testFraction,
                                 @JsonProperty("standardize") Boolean standardize, @JsonProperty("seed") Long seed,
                                 @JsonProperty("shuffleSplit") Boolean shuffleSplit,
                                 @JsonProperty("precision") DataPrecision precision) {
        return new DataSpecJson(kind, n, classes, arms, noise, path, labelColumn, header,
                devFraction != null ? devFraction : DataSpec.DEFAULT_DEV_FRACTION,
                testFraction != null ? testFraction : DataSpec.DEFAULT_TEST_FRACTION,
                standardize != null ? standardize : DataSpec.DEFAULT_STANDARDIZE, seed, shuffleSplit, precision);
    }

    /** The typed description of this kind. */
    DataSpec toSpec() {
        SplitSettings s = new SplitSettings(devFraction, testFraction, standardize, seed, shuffleSplit, precision);
        return switch (kind) {
            case "digits" -> new DigitsSet(s);
            case "idx" -> new IdxFolder(path, s);
            case "csv" -> new CsvFile(path, labelColumn, header, s);
            default -> new BuiltInSet(kind, n, classes, arms, noise, s);
        };
    }

    /** The JSON form of a typed description. */
    static DataSpecJson of(DataSpec spec) {
        SplitSettings s = spec.settings();
        Integer n = null;
        Integer classes = null;
        Integer arms = null;
        Double noise = null;
        String path = null;
        String labelColumn = null;
        Boolean header = null;
        if (spec instanceof BuiltInSet b) {
            n = b.n();
            classes = b.classes();
            arms = b.arms();
            noise = b.noise();
        } else if (spec instanceof IdxFolder f) {
            path = f.path();
        } else if (spec instanceof CsvFile c) {
            path = c.path();
            labelColumn = c.labelColumn();
            header = c.header();
        }
        return new DataSpecJson(spec.kind(), n, classes, arms, noise, path, labelColumn, header, s.devFraction(),
                s.testFraction(), s.standardize(), s.seed(), s.shuffleSplit(), s.precision());
    }

    /** Reads a {@link DataSpec} through its JSON form. */
    static final class Reader extends StdConverter<DataSpecJson, DataSpec> {
        @Override
        public DataSpec convert(DataSpecJson json) {
            return json.toSpec();
        }
    }

    /** Writes a {@link DataSpec} as its JSON form. */
    static final class Writer extends StdConverter<DataSpec, DataSpecJson> {
        @Override
        public DataSpecJson convert(DataSpec spec) {
            return of(spec);
        }
    }

    /** The fields each kind takes besides the split settings. */
    static List<String> fieldsOf(String kind) {
        return switch (kind) {
            case "spiral" -> List.of("n", "arms", "noise");
            case "moons", "circles", "xor" -> List.of("n", "noise");
            case "blobs" -> List.of("n", "classes", "noise");
            case "idx" -> List.of("path");
            case "csv" -> List.of("path", "labelColumn", "header");
            default -> List.of();
        };
    }

    /** The rules of a data description; throws with a message naming the JSON field. */
    static void check(String kind, Integer n, Integer classes, Integer arms, Double noise, String path,
                      String labelColumn, Boolean header, double devFraction, double testFraction) {
        List<String> kinds = DataSpec.KINDS;
        if (kind == null) {
            throw new DataSpecException(DataSpecException.Rule.KIND_REQUIRED, String.join(", ", kinds));
        }
        if (!kinds.contains(kind)) {
            throw new DataSpecException(DataSpecException.Rule.KIND_UNKNOWN, String.join(", ", kinds), kind);
        }
        List<String> allowed = fieldsOf(kind);
        rejectIfPresent(kind, allowed, "n", n);
        rejectIfPresent(kind, allowed, "classes", classes);
        rejectIfPresent(kind, allowed, "arms", arms);
        rejectIfPresent(kind, allowed, "noise", noise);
        rejectIfPresent(kind, allowed, "path", path);
        rejectIfPresent(kind, allowed, "labelColumn", labelColumn);
        rejectIfPresent(kind, allowed, "header", header);
        int minClasses = kind.equals("spiral") ? (arms != null ? arms : 2)
                : kind.equals("blobs") ? (classes != null ? classes : 2) : 2;
        if (n != null && n < minClasses) {
            String rule = kind.equals("spiral") && arms != null ? "data.arms (" + arms + ")"
                    : kind.equals("blobs") && classes != null ? "data.classes (" + classes + ")" : "" + minClasses;
            throw new DataSpecException(DataSpecException.Rule.N_AT_LEAST, rule, n);
        }
        if (n != null && n > DataSpec.MAX_POINTS) {
            throw new DataSpecException(DataSpecException.Rule.N_AT_MOST, DataSpec.MAX_POINTS, n);
        }
        int maxClasses = DataSpec.MAX_CLASSES;
        if (arms != null && arms > maxClasses || classes != null && classes > maxClasses) {
            boolean tooManyArms = arms != null && arms > maxClasses;
            throw new DataSpecException(DataSpecException.Rule.AT_MOST, tooManyArms ? "arms" : "classes", maxClasses,
                    tooManyArms ? arms : classes);
        }
        if (arms != null && arms < 2) {
            throw new DataSpecException(DataSpecException.Rule.AT_LEAST_2, "arms", arms);
        }
        if (classes != null && classes < 2) {
            throw new DataSpecException(DataSpecException.Rule.AT_LEAST_2, "classes", classes);
        }
        if (noise != null && (!(noise >= 0) || !Double.isFinite(noise))) {
            throw new DataSpecException(DataSpecException.Rule.NOISE, number(noise));
        }
        if ((kind.equals("idx") || kind.equals("csv")) && (path == null || path.isBlank())) {
            throw new DataSpecException(kind.equals("idx") ? DataSpecException.Rule.IDX_PATH_REQUIRED
                    : DataSpecException.Rule.CSV_PATH_REQUIRED);
        }
        if (labelColumn != null && labelColumn.isBlank()) {
            throw new DataSpecException(DataSpecException.Rule.LABEL_COLUMN, labelColumn);
        }
        if (!(devFraction >= 0 && devFraction < 1)) {
            throw new DataSpecException(DataSpecException.Rule.FRACTION, "devFraction", number(devFraction));
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new DataSpecException(DataSpecException.Rule.FRACTION, "testFraction", number(testFraction));
        }
        if (!kind.equals("idx") && !(devFraction + testFraction < 1)) {
            throw new DataSpecException(DataSpecException.Rule.FRACTIONS, number(devFraction), number(testFraction));
        }
    }

    private static void rejectIfPresent(String kind, List<String> allowed, String field, Object value) {
        if (value != null && !allowed.contains(field)) {
            List<String> fields = new ArrayList<>(allowed);
            throw fields.isEmpty() ? new DataSpecException(DataSpecException.Rule.NOT_FOR_KIND_NONE, field, kind)
                    : new DataSpecException(DataSpecException.Rule.NOT_FOR_KIND, field, kind, String.join(", ", fields));
        }
    }

    /** A number as written in JSON: -1 rather than -1.0. */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
