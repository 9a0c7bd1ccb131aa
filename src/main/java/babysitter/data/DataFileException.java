package babysitter.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A data file that cannot be read as the data set it should be: missing, unreadable or malformed.
 * The message is one line that starts with the file (and the line number or byte offset where the
 * problem was found, when there is one) and says what was expected. The problem is also kept as a
 * {@link Kind} and its values, so that a window can say it in its own language
 * ({@code data.problem.<key>} in the bundles); a value that is a {@link Word} is said in words too.
 */
public final class DataFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong; {0}, {1}… in its English are its values. */
    public enum Kind {
        /** Words with no structure of their own (the shipped data, which a person does not choose). */
        TEXT("text", "{0}"),
        /** The system could not read it: the system's words. */
        CANNOT_READ("cannotRead", "cannot read: {0}"),
        /** Nothing at the path: what was expected (a {@link Word}). */
        NO_SUCH_FILE("noSuchFile", "no such file (expected {0})"),
        /** A folder or a device at the path: what was expected (a {@link Word}). */
        NOT_A_FILE("notAFile", "not a regular file (expected {0})"),
        /** Line, column: bytes that are not UTF-8. */
        NOT_UTF8("notUtf8", "line {0}, column {1}: holds bytes that are not UTF-8 text"),
        /** Line, the separator (a {@link Word} or the character in quotes), the fields found. */
        TOO_FEW_FIELDS("tooFewFields",
                "line {0}: expected at least 2 fields (features and a label) separated by {1}, found {2}"),
        /** Line, the fields of the first line, the fields found. */
        FIELD_COUNT("fieldCount", "line {0}: expected {1} fields, found {2}"),
        /** Line, the label column. */
        EMPTY_LABEL("emptyLabel", "line {0}: expected a label in column {1}, found an empty field"),
        /** Line, column, the field. */
        NOT_A_NUMBER("notANumber", "line {0}: expected a number in column {1}, found \"{2}\""),
        /** Line, column, the field: infinite, or too large for float64. */
        NOT_FINITE("notFinite", "line {0}: expected a finite number in column {1}, found \"{2}\""),
        /** Line, column, the field: infinite, or too large for float32. */
        NOT_FLOAT32("notFloat32", "line {0}: expected a finite float32 number in column {1}, found \"{2}\""),
        /** A file without a non-blank line, read with a header. */
        EMPTY_WITH_HEADER("emptyWithHeader", "empty file: expected a header line and at least one data row"),
        /** A file without a non-blank line. */
        EMPTY("empty", "empty file: expected at least one data row"),
        /** A header and nothing after it. */
        NO_DATA_ROWS("noDataRows", "no data rows: expected at least one line after the header"),
        /** The label column, the one label. */
        ONE_CLASS("oneClass", "label column {0} needs at least 2 classes, found only one: \"{1}\""),
        /** Line, the label, the label written otherwise, its line. */
        SAME_NUMBER("sameNumber", "line {0}: label \"{1}\" is the same number as \"{2}\" on line {3}: write each class's"
                + " label the same way"),
        /** Line, the index asked for, the last index, the columns. */
        LABEL_INDEX("labelIndex",
                "line {0}: label column index {1} is out of range: expected 0..{2} (the file has {3} columns)"),
        /** The label column's name. */
        LABEL_NAME_WITHOUT_HEADER("labelNameWithoutHeader", "label column \"{0}\" is a name but the file is read without a"
                + " header: expected a 0-based index or \"last\""),
        /** Line, the label column's name, the columns (each in quotes). */
        NO_LABEL_COLUMN("noLabelColumn", "line {0}: label column \"{1}\" not found; the columns are {2}"),
        /** Line, the column where the quoted field starts. */
        NO_CLOSING_QUOTE("noClosingQuote", "line {0}: expected a closing quote for the field starting in column {1}"),
        /** Line, the separator (a {@link Word} or the character in quotes), the column, the character found. */
        AFTER_QUOTE("afterQuote", "line {0}: expected {1} after the closing quote in column {2}, found '{3}'"),
        /** The labels, the images file, the images. */
        LABEL_COUNT("labelCount", "holds {0} labels but the images file {1} holds {2} images: expected one label per image"),
        /** A file where the IDX folder should be. */
        NOT_A_FOLDER("notAFolder", "not a folder (expected a folder of IDX files)"),
        /** Nothing where the IDX folder should be. */
        NO_SUCH_FOLDER("noSuchFolder", "no such folder (expected a folder of IDX files)"),
        /** The highest test label, the training labels' file, the highest training label. */
        LABEL_BEYOND_TRAINING("labelBeyondTraining", "holds labels up to {0} but the training labels in {1} only go up to"
                + " {2}: a label beyond the training classes cannot be learned"),
        /** The file name looked for in the folder. */
        NO_IDX_FILE("noIdxFile", "no such file (expected {0} or {0}.gz in the folder)"),
        /** An IDX images file of 0 images. */
        NO_IMAGES("noImages", "byte offset 4: the image count is 0: the file holds no images"),
        /** Byte offset, rows, columns. */
        NO_PIXELS("noPixels",
                "byte offset {0}: images of {1} × {2} pixels have no pixels: rows and columns must be at least 1"),
        /** Images, rows, columns. */
        TOO_MANY_IMAGES("tooManyImages", "byte offset 4: {0} images of {1} × {2} pixels are too many to load"),
        /** An IDX labels file of 0 labels. */
        NO_LABELS("noLabels", "byte offset 4: the label count is 0: the file holds no labels"),
        /** The number found, the number expected (both 0x%08x), what the file should hold (a {@link Word}). */
        WRONG_MAGIC("wrongMagic", "wrong magic number {0}, expected {1} ({2})"),
        /** Byte offset, which number (a {@link Word}), the number read. */
        NEGATIVE_SIZE("negativeSize", "byte offset {0}: {1} must be >= 0, found {2}"),
        /** Where the data end, the bytes expected, what of (a {@link Word}), from which offset. */
        TRUNCATED("truncated", "truncated: the data end at byte offset {0}, expected {1} bytes of {2} from offset {3}"),
        /** Where the data end, the bytes expected, images, rows, columns, from which offset. */
        TRUNCATED_IMAGES("truncatedImages", "truncated: the data end at byte offset {0}, expected {1} bytes of {2} images"
                + " of {3} × {4} pixels from offset {5}"),
        /** Where the data end, the bytes expected, labels, from which offset. */
        TRUNCATED_LABELS("truncatedLabels",
                "truncated: the data end at byte offset {0}, expected {1} bytes of {2} labels from offset {3}");

        private final String key;
        private final Sentence english;

        Kind(String key, String english) {
            this.key = key;
            this.english = Sentence.of(english);
        }

        /** Its sentence's key in the bundles: {@code data.problem.notANumber}, … */
        public String key() {
            return "data.problem." + key;
        }

        String english(List<Object> values) {
            return english.with(values, v -> v instanceof Word w ? w.english : String.valueOf(v));
        }
    }

    /** A value said in words: what a file should be, a part of an IDX header, a separator. */
    public enum Word {
        DELIMITED_TEXT("a delimited text file"),
        IDX_IMAGES_FILE("an IDX images file"),
        IDX_LABELS_FILE("an IDX labels file"),
        IDX_IMAGES("IDX images of unsigned bytes"),
        IDX_LABELS("IDX labels of unsigned bytes"),
        MAGIC_NUMBER("the magic number"),
        IMAGE_COUNT("image count"),
        IMAGE_ROWS("image rows"),
        IMAGE_COLUMNS("image columns"),
        LABEL_COUNT("label count"),
        TAB("a tab");

        private final String english;

        Word(String english) {
            this.english = english;
        }

        /** Its key in the bundles: {@code data.word.IMAGE_COUNT}, … */
        public String key() {
            return "data.word." + name();
        }
    }

    private final transient Path file;
    private final Kind kind;
    private final transient List<Object> values;

    /** A problem of {@code kind} with its values (words as {@link Word}, the rest as shown). */
    public DataFileException(Path file, Kind kind, Object... values) {
        this(file, null, kind, values);
    }

    /** The same, caused by {@code cause}. */
    public DataFileException(Path file, Throwable cause, Kind kind, Object... values) {
        super(file + ": " + kind.english(shown(values)), cause);
        kind.english.requireValues(kind, values.length);
        this.file = file;
        this.kind = kind;
        this.values = shown(values);
    }

    private static List<Object> shown(Object[] values) {
        return Arrays.stream(values).map(v -> v instanceof Word ? v : (Object) String.valueOf(v)).toList();
    }

    /** A problem said only in words. */
    public DataFileException(Path file, String problem) {
        this(file, Kind.TEXT, problem);
    }

    /** A problem said only in words, caused by {@code cause}. */
    public DataFileException(Path file, String problem, Throwable cause) {
        this(file, cause, Kind.TEXT, problem);
    }

    /** The file could not be read: the system's words (the exception's message) say why. */
    public static DataFileException cannotRead(Path file, Exception e) {
        return new DataFileException(file, e, Kind.CANNOT_READ, e.getMessage());
    }

    /** The offending file (or folder). */
    public Path file() {
        return file;
    }

    public Kind kind() {
        return kind;
    }

    /** The kind's values: {@link Word}s, and the rest as text, as the message shows them. */
    public List<Object> values() {
        return values;
    }
}
