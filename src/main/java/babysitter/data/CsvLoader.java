package babysitter.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Reads a labelled data set from a delimited text file (UTF-8, optionally gzip-compressed: recognised
 * by the gzip magic bytes). One column holds the label, all other columns are numeric features.
 *
 * <ul>
 *   <li>Fields are trimmed; a field may be quoted with {@code "…"} (a doubled {@code ""} inside is one
 *       quote); a quoted field cannot span lines.</li>
 *   <li>Features are parsed with {@link Double#parseDouble} and stored as float32 (rounded) or as
 *       float64 (exactly as parsed), as the caller asks; they must be finite.</li>
 *   <li>Labels are strings. If every label is a whole number ({@code 7}, {@code 07}, {@code 7.0},
 *       {@code 7e0}), the classes are those numbers sorted and named in canonical form ("07", "7.0" and
 *       "7" are the same class "7"); otherwise the classes are the distinct labels in the order of their
 *       first appearance, and two labels that are the same number written differently ("1" and "1.0"
 *       beside "cat") are an error naming the line.</li>
 *   <li>Blank lines are skipped; every other line must have as many fields as the header (or, without
 *       a header, as the first line).</li>
 *   <li>Feature names come from the header; without a header they are {@code column_<i>} with the
 *       0-based column index i in the file.</li>
 * </ul>
 * Every problem is a {@link DataFileException} with a one-line message naming the file, the line
 * number (1-based) where there is one, and what was expected.
 */
public final class CsvLoader {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private CsvLoader() {
    }

    /**
     * How to read a file.
     *
     * @param header      whether the first non-blank line holds the column names
     * @param labelColumn the label column: a header name, a 0-based index ("0", "4"), or "last"
     * @param separator   the field separator, e.g. ',' or '\t' (not a quote, not a line break)
     */
    public record Options(boolean header, String labelColumn, char separator) {
        public Options {
            Objects.requireNonNull(labelColumn, "labelColumn");
            if (labelColumn.isBlank()) {
                throw new IllegalArgumentException("label column must be a name, a 0-based index or \"last\", got \""
                        + labelColumn + "\"");
            }
            if (separator == '"' || separator == '\n' || separator == '\r') {
                throw new IllegalArgumentException("separator must not be a quote or a line break, got "
                        + printable(separator));
            }
        }

        /** Comma-separated with a header line, the label in the last column. */
        public static Options defaults() {
            return new Options(true, "last", ',');
        }
    }

    /** Loads {@code file} with float32 features; the data set is named after the file. */
    public static Dataset load(Path file, Options options) {
        return load(file, options, DataType.FLOAT);
    }

    /** Loads {@code file} with features stored as {@code storage} (FLOAT or DOUBLE). */
    public static Dataset load(Path file, Options options, DataType storage) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        try (InputStream in = Streams.open(file, DataFileException.Word.DELIMITED_TEXT)) {
            return read(in, file, options, String.valueOf(file.getFileName()), storage);
        } catch (IOException e) {
            throw DataFileException.cannotRead(file, e);
        }
    }

    /**
     * The fields of the first non-blank line of {@code file} (the header, when it has one), split as
     * {@link #load} splits them, without reading further; null for a file without such a line. The
     * setup panel asks here for a file's columns. Problems are {@link DataFileException}s.
     */
    public static List<String> firstLineFields(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Streams.open(file, DataFileException.Word.DELIMITED_TEXT)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                line = withoutByteOrderMark(line, ++lineNo);
                if (!line.isBlank()) {
                    return split(line, separator(file.toString()), file, lineNo);
                }
            }
            return null;
        } catch (IOException e) {
            throw DataFileException.cannotRead(file, e);
        }
    }

    /** The separator of a file by its name: a tab for ".tsv" and ".tsv.gz", else a comma. */
    public static char separator(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tsv") || lower.endsWith(".tsv.gz") ? '\t' : ',';
    }

    /** Reads from a stream; {@code file} only names the source in messages. */
    static Dataset read(InputStream in, Path file, Options options, String name) throws IOException {
        return read(in, file, options, name, DataType.FLOAT);
    }

    static Dataset read(InputStream in, Path file, Options options, String name, DataType storage) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        List<String> header = null;
        int fieldCount = -1;
        int labelIndex = -1;
        Values features = new Values(storage == DataType.DOUBLE);
        List<String> rawLabels = new ArrayList<>();
        List<Integer> labelLines = new ArrayList<>();
        int rows = 0;
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            line = withoutByteOrderMark(line, ++lineNo);
            if (line.indexOf('\uFFFD') >= 0) {
                // the decoder puts U+FFFD where bytes are not UTF-8
                throw new DataFileException(file, DataFileException.Kind.NOT_UTF8, lineNo, line.indexOf('\uFFFD') + 1);
            }
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(line, options.separator(), file, lineNo);
            if (fieldCount < 0) {
                fieldCount = fields.size();
                if (fieldCount < 2) {
                    throw new DataFileException(file, DataFileException.Kind.TOO_FEW_FIELDS, lineNo,
                            printable(options.separator()), fieldCount);
                }
                if (options.header()) {
                    header = fields;
                }
                labelIndex = labelIndex(options.labelColumn(), header, fieldCount, file, lineNo);
                if (options.header()) {
                    continue;
                }
            }
            if (fields.size() != fieldCount) {
                throw new DataFileException(file, DataFileException.Kind.FIELD_COUNT, lineNo, fieldCount, fields.size());
            }
            for (int c = 0; c < fieldCount; c++) {
                String field = fields.get(c);
                if (c == labelIndex) {
                    if (field.isEmpty()) {
                        throw new DataFileException(file, DataFileException.Kind.EMPTY_LABEL, lineNo, columnName(header, c));
                    }
                    rawLabels.add(field);
                    labelLines.add(lineNo);
                    continue;
                }
                double value;
                try {
                    value = Double.parseDouble(field);
                } catch (NumberFormatException e) {
                    throw new DataFileException(file, DataFileException.Kind.NOT_A_NUMBER, lineNo, columnName(header, c),
                            field);
                }
                if (!features.fits(value)) {
                    throw new DataFileException(file, features.doubles ? DataFileException.Kind.NOT_FINITE
                            : DataFileException.Kind.NOT_FLOAT32, lineNo, columnName(header, c), field);
                }
                features.add(value);
            }
            rows++;
        }
        if (fieldCount < 0) {
            throw new DataFileException(file, options.header() ? DataFileException.Kind.EMPTY_WITH_HEADER
                    : DataFileException.Kind.EMPTY);
        }
        if (rows == 0) {
            throw new DataFileException(file, DataFileException.Kind.NO_DATA_ROWS);
        }

        List<String> classNames = new ArrayList<>();
        int[] labels = mapLabels(rawLabels, labelLines, classNames, file);
        if (classNames.size() < 2) {
            throw new DataFileException(file, DataFileException.Kind.ONE_CLASS, columnName(header, labelIndex),
                    classNames.get(0));
        }
        List<String> featureNames = new ArrayList<>();
        for (int c = 0; c < fieldCount; c++) {
            if (c != labelIndex) {
                featureNames.add(header != null ? header.get(c) : "column_" + c);
            }
        }
        return features.doubles
                ? new Dataset(name, features.doubleArray(), rows, fieldCount - 1, labels, classNames, featureNames)
                : new Dataset(name, features.floatArray(), rows, fieldCount - 1, labels, classNames, featureNames);
    }

    private static int[] mapLabels(List<String> raw, List<Integer> lines, List<String> classNames, Path file) {
        int[] labels = new int[raw.size()];
        boolean allIntegers = raw.stream().allMatch(s -> wholeNumber(s) != null);
        if (allIntegers) {
            long[] values = raw.stream().mapToLong(CsvLoader::wholeNumber).toArray();
            long[] distinct = Arrays.stream(values).distinct().sorted().toArray();
            for (int i = 0; i < values.length; i++) {
                labels[i] = Arrays.binarySearch(distinct, values[i]);
            }
            for (long v : distinct) {
                classNames.add(Long.toString(v));
            }
        } else {
            Map<String, Integer> index = new LinkedHashMap<>();
            Map<Double, Integer> numbers = new HashMap<>();
            for (int i = 0; i < labels.length; i++) {
                String label = raw.get(i);
                if (!index.containsKey(label)) {
                    Double v = number(label);
                    Integer first = v == null ? null : numbers.putIfAbsent(v, i);
                    if (first != null) {
                        throw new DataFileException(file, DataFileException.Kind.SAME_NUMBER, lines.get(i), label,
                                raw.get(first), lines.get(first));
                    }
                }
                labels[i] = index.computeIfAbsent(label, k -> index.size());
            }
            classNames.addAll(index.keySet());
        }
        return labels;
    }

    /** The label as a whole number ("7", "07", "7.0", "7e0"), or null. */
    private static Long wholeNumber(String s) {
        if (INTEGER.matcher(s).matches()) {
            return fitsLong(s) ? Long.parseLong(s) : null;
        }
        Double v = number(s);
        return v != null && v == Math.rint(v) && Math.abs(v) < 1e15 ? (long) (double) v : null;
    }

    /** The label as a finite number, or null. */
    private static Double number(String s) {
        if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)) || s.charAt(s.length() - 1) == '.')) {
            return null;
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean fitsLong(String s) {
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int labelIndex(String labelColumn, List<String> header, int fieldCount, Path file, int lineNo) {
        if (labelColumn.equals("last")) {
            return fieldCount - 1;
        }
        if (INTEGER.matcher(labelColumn).matches()) {
            int index;
            try {
                index = Integer.parseInt(labelColumn);
            } catch (NumberFormatException e) {
                index = -1;
            }
            if (index < 0 || index >= fieldCount) {
                throw new DataFileException(file, DataFileException.Kind.LABEL_INDEX, lineNo, labelColumn, fieldCount - 1,
                        fieldCount);
            }
            return index;
        }
        if (header == null) {
            throw new DataFileException(file, DataFileException.Kind.LABEL_NAME_WITHOUT_HEADER, labelColumn);
        }
        int index = header.indexOf(labelColumn);
        if (index < 0) {
            throw new DataFileException(file, DataFileException.Kind.NO_LABEL_COLUMN, lineNo, labelColumn,
                    String.join(", ", header.stream().map(h -> "\"" + h + "\"").toList()));
        }
        return index;
    }

    private static String columnName(List<String> header, int c) {
        return header != null ? "\"" + header.get(c) + "\"" : Integer.toString(c);
    }

    /** Splits one line into trimmed fields; a field may be quoted. */
    static List<String> split(String line, char sep, Path file, int lineNo) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            // skip leading blanks of the field (but not a blank separator such as tab)
            while (i < n && line.charAt(i) != sep && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            field.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        field.append(ch);
                    }
                }
                if (!closed) {
                    throw new DataFileException(file, DataFileException.Kind.NO_CLOSING_QUOTE, lineNo, fields.size());
                }
                while (i < n && line.charAt(i) != sep && Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                if (i < n && line.charAt(i) != sep) {
                    throw new DataFileException(file, DataFileException.Kind.AFTER_QUOTE, lineNo, printable(sep),
                            fields.size(), line.charAt(i));
                }
                fields.add(field.toString());
            } else {
                int start = i;
                while (i < n && line.charAt(i) != sep) {
                    i++;
                }
                fields.add(line.substring(start, i).trim());
            }
            if (i >= n) {
                return fields;
            }
            i++; // the separator
        }
    }

    /** A separator as a message shows it: in words (a tab) or in quotes. */
    private static Object printable(char c) {
        return switch (c) {
            case '\t' -> DataFileException.Word.TAB;
            case '\n' -> "'\\n'";
            case '\r' -> "'\\r'";
            default -> "'" + c + "'";
        };
    }

    /** A growable array of float32 values (rounded from the parsed doubles) or of float64 values. */
    private static final class Values {
        final boolean doubles;
        private float[] floats = new float[0];
        private double[] values = new double[0];
        private int size;

        Values(boolean doubles) {
            this.doubles = doubles;
            if (doubles) {
                values = new double[1024];
            } else {
                floats = new float[1024];
            }
        }

        /** Whether {@code v} is finite once stored. */
        boolean fits(double v) {
            return doubles ? Double.isFinite(v) : Float.isFinite((float) v);
        }

        void add(double v) {
            if (doubles) {
                if (size == values.length) {
                    values = Arrays.copyOf(values, values.length * 2);
                }
                values[size++] = v;
            } else {
                if (size == floats.length) {
                    floats = Arrays.copyOf(floats, floats.length * 2);
                }
                floats[size++] = (float) v;
            }
        }

        float[] floatArray() {
            return size == floats.length ? floats : Arrays.copyOf(floats, size);
        }

        double[] doubleArray() {
            return size == values.length ? values : Arrays.copyOf(values, size);
        }
    }

    /** Line {@code lineNo} (from 1) without the byte-order mark some editors put at a UTF-8 file's start. */
    private static String withoutByteOrderMark(String line, int lineNo) {
        return lineNo == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
