package babysitter.data;

import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A built-in 2-D set, generated from a seed: {@code spiral} (n 600, arms 3, noise 0.2), {@code moons}
 * (n 600, noise 0.1), {@code circles} (n 600, noise 0.05), {@code xor} (n 600, noise 0.1) or
 * {@code blobs} (n 600, classes 3, noise 0.5). Absent numbers take those defaults in
 * {@link #withDefaults()}; a number the kind does not take must be null.
 */
public record BuiltInSet(String kind, Integer n, Integer classes, Integer arms, Double noise, SplitSettings settings)
        implements DataSpec {
    /** The kinds of built-in 2-D sets. */
    public static final List<String> KINDS = List.of("spiral", "moons", "circles", "xor", "blobs");

    public BuiltInSet {
        Objects.requireNonNull(settings, "settings");
        if (kind != null && DataSpec.KINDS.contains(kind) && !KINDS.contains(kind)) {
            throw new IllegalArgumentException("data.kind " + kind + " is not a built-in 2-D set (" + String.join(", ", KINDS) + ")");
        }
        DataSpecJson.check(kind, n, classes, arms, noise, null, null, null, settings.devFraction(),
                settings.testFraction());
    }

    @Override
    public BuiltInSet withDefaults() {
        int dn = 600;
        Integer dArms = kind.equals("spiral") ? 3 : null;
        Integer dClasses = kind.equals("blobs") ? 3 : null;
        double dNoise = switch (kind) {
            case "spiral" -> 0.2;
            case "circles" -> 0.05;
            case "blobs" -> 0.5;
            default -> 0.1;
        };
        return new BuiltInSet(kind, n != null ? n : dn, classes != null ? classes : dClasses,
                arms != null ? arms : dArms, noise != null ? noise : dNoise, settings);
    }

    @Override
    public BuiltInSet withSettings(SplitSettings s) {
        return new BuiltInSet(kind, n, classes, arms, noise, s);
    }

    @Override
    public Split read(long dataSeed, long splitSeed, DataType storage) {
        BuiltInSet s = withDefaults();
        return Splitter.split(s.generate(s.n, dataSeed).stored(storage), devFraction(), testFraction(), splitSeed,
                shuffleSplit());
    }

    /**
     * The points a picture of this set shows: the first stream of the seed as {@link #load} derives
     * it ({@link #seed()}, else {@code runSeed}), at most {@code cap} points (but one per class).
     */
    public Dataset preview(int cap, long runSeed) {
        BuiltInSet s = withDefaults();
        long dataSeed = new SeededRandom(seed() != null ? seed() : runSeed).nextLong();
        int m = Math.max(Math.min(s.n, cap), Math.max(s.arms == null ? 0 : s.arms, s.classes == null ? 0 : s.classes));
        return s.generate(m, dataSeed);
    }

    private Dataset generate(int points, long dataSeed) {
        return switch (kind) {
            case "spiral" -> Synthetic.spiral(points, arms, noise, dataSeed);
            case "moons" -> Synthetic.moons(points, noise, dataSeed);
            case "circles" -> Synthetic.circles(points, noise, dataSeed);
            case "xor" -> Synthetic.xor(points, noise, dataSeed);
            default -> Synthetic.blobs(points, classes, noise, dataSeed);
        };
    }

    @Override
    public String source() {
        return switch (kind) {
            case "spiral" -> "spiral (n=" + n + ", arms=" + arms + ", noise=" + DataSpecJson.number(noise) + ")";
            case "blobs" -> "blobs (n=" + n + ", classes=" + classes + ", noise=" + DataSpecJson.number(noise) + ")";
            default -> kind + " (n=" + n + ", noise=" + DataSpecJson.number(noise) + ")";
        };
    }
}
