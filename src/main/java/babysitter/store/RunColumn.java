package babysitter.store;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * A column of the runs library: its key on the command line ({@code --sort dev-acc}), its header,
 * its text and the order it sorts in. The window and the command line show the same columns.
 */
public enum RunColumn {
    NAME("name", "Name", e -> e.summary().name(), null),
    DATA("data", "Data", e -> e.summary().data(), null),
    NETWORK("network", "Network", e -> e.summary().network(), null),
    OPTIMIZER("optimizer", "Optimiser", e -> e.summary().optimizer(), null),
    ALPHA("alpha", "α", e -> range(e.summary().alphaStart(), e.summary().alphaLast()), e -> e.summary().alphaLast()),
    BETA("beta", "β", e -> e.summary().hasBeta() ? range(e.summary().betaStart(), e.summary().betaLast()) : "—",
            e -> e.summary().betaLast()),
    EPOCHS("epochs", "Epochs", e -> e.summary().epochs() + (e.summary().plannedEpochs() > 0
            ? "/" + e.summary().plannedEpochs() : ""), e -> (double) e.summary().epochs()),
    DEV_ACC("dev-acc", "Best dev acc", e -> number(e.summary().bestDevAccuracy(), "%.4f"),
            e -> e.summary().bestDevAccuracy()),
    DEV_COST("dev-cost", "Best dev cost", e -> number(e.summary().bestDevCost(), "%.4f"),
            e -> e.summary().bestDevCost()),
    WALL("wall", "Wall time", e -> duration(e.summary().wallSeconds()), e -> e.summary().wallSeconds()),
    STATE("state", "State", e -> e.state().label(), null),
    BRANCHES("branches", "Branches", e -> Integer.toString(e.summary().branches()),
            e -> (double) e.summary().branches()),
    SIZE("size", "Size", e -> bytes(e.summary().sizeBytes()), e -> (double) e.summary().sizeBytes()),
    CREATED("created", "Created", e -> created(e.summary().createdMillis()),
            e -> (double) e.summary().createdMillis()),
    TAGS("tags", "Tags", e -> String.join(" ", e.summary().tags()), null),
    FOLDER("folder", "Folder", e -> e.summary().folder(), null);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final String key;
    private final String header;
    private final Function<RunLibrary.Entry, String> text;
    /** The number a numeric column sorts and compares by (NaN: unknown, sorts last); null for a text column. */
    private final Function<RunLibrary.Entry, Double> number;

    RunColumn(String key, String header, Function<RunLibrary.Entry, String> text,
              Function<RunLibrary.Entry, Double> number) {
        this.key = key;
        this.header = header;
        this.text = text;
        this.number = number;
    }

    public String key() {
        return key;
    }

    public String header() {
        return header;
    }

    /** What the cell shows. */
    public String text(RunLibrary.Entry e) {
        return text.apply(e);
    }

    /** Whether the column holds numbers (it then compares with {@code <}, {@code >}). */
    public boolean numeric() {
        return number != null;
    }

    /** The cell's number (NaN if unknown); for text columns NaN. */
    public double number(RunLibrary.Entry e) {
        return number == null ? Double.NaN : number.apply(e);
    }

    /** The column's natural order: numbers ascending with unknown ones last, text case-insensitively. */
    public Comparator<RunLibrary.Entry> order() {
        if (number == null) {
            return Comparator.comparing(text, String.CASE_INSENSITIVE_ORDER);
        }
        return (a, b) -> {
            double x = number(a);
            double y = number(b);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
            }
            return Double.compare(x, y);
        };
    }

    /** The column whose key is {@code key} (case-insensitive). */
    public static RunColumn byKey(String key) {
        for (RunColumn c : values()) {
            if (c.key.equalsIgnoreCase(key.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("no column '" + key + "'; the columns are " + keys());
    }

    /** The keys, comma separated, for messages. */
    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (RunColumn c : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(c.key);
        }
        return b.toString();
    }

    static String range(double start, double last) {
        if (Double.isNaN(start) && Double.isNaN(last)) {
            return "";
        }
        String a = number(start, "%.3g");
        String b = number(last, "%.3g");
        return a.equals(b) ? a : a + " → " + b;
    }

    static String number(double v, String format) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }

    static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "";
        }
        long s = Math.round(seconds);
        return s < 60 ? String.format(Locale.ROOT, "%.1f s", seconds)
                : s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    static String created(long millis) {
        return millis <= 0 ? "" : WHEN.format(Instant.ofEpochMilli(millis).atZone(ZoneId.systemDefault()));
    }
}
