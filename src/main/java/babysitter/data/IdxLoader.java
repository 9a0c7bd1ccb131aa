package babysitter.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Reads image sets in the IDX format of MNIST, Fashion-MNIST and KMNIST: a big-endian header (magic
 * number {@code 0x00000803} for images of unsigned bytes with dimensions count, rows, columns;
 * {@code 0x00000801} for labels with dimension count) followed by the bytes. A file may be raw or
 * gzip-compressed; compression is recognised by the gzip magic bytes, not by the file name, and byte
 * offsets in messages count the decompressed bytes. Pixels are scaled to [0, 1] (divided by 255)
 * and each image is flattened row-major into features "pixel_r_c".
 */
public final class IdxLoader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxLoader() {
    }

    /**
     * Loads images and their labels. The classes are "0".."9", or "0".."max" when a label is above 9.
     */
    public static Dataset load(Path images, Path labels, String name) {
        return load(images, labels, name, DataType.FLOAT);
    }

    /** As {@link #load(Path, Path, String)} with the pixels stored as {@code storage} (FLOAT or DOUBLE). */
    public static Dataset load(Path images, Path labels, String name, DataType storage) {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(name, "name");
        Images im = readImages(images, storage == DataType.DOUBLE);
        int[] lab = readLabels(labels);
        if (lab.length != im.count) {
            throw new DataFileException(labels, DataFileException.Kind.LABEL_COUNT, lab.length, images, im.count);
        }
        int max = 0;
        for (int l : lab) {
            max = Math.max(max, l);
        }
        List<String> classNames = new ArrayList<>();
        for (int k = 0; k < Math.max(10, max + 1); k++) {
            classNames.add(Integer.toString(k));
        }
        List<String> featureNames = new ArrayList<>(im.rows * im.cols);
        for (int r = 0; r < im.rows; r++) {
            for (int c = 0; c < im.cols; c++) {
                featureNames.add("pixel_" + r + "_" + c);
            }
        }
        return im.doubles != null
                ? new Dataset(name, im.doubles, im.count, im.rows * im.cols, lab, classNames, featureNames)
                : new Dataset(name, im.pixels, im.count, im.rows * im.cols, lab, classNames, featureNames);
    }

    /** The file names of the four files of a folder; each may also end in ".gz". */
    public static final List<String> FILE_NAMES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /**
     * Loads a folder holding the four standard files (raw or ".gz"; a raw file is preferred when both
     * exist). The "train" files give train and dev: round(devFraction · n) rows, chosen by a seeded
     * shuffle, go to dev and the rest, in shuffled order, to train. The "t10k" files are the test part.
     */
    public static Split loadFolder(Path folder, double devFraction, long seed) {
        return loadFolder(folder, devFraction, seed, Boolean.TRUE);
    }

    /**
     * As {@link #loadFolder(Path, double, long)}, with the choice of {@link Splitter#split(Dataset, double,
     * double, long, Boolean)}: without a shuffle, dev is the last rows of the "train" files and train
     * the rows before them, in the files' order.
     */
    public static Split loadFolder(Path folder, double devFraction, long seed, Boolean shuffle) {
        return loadFolder(folder, devFraction, seed, shuffle, DataType.FLOAT);
    }

    /** As {@link #loadFolder(Path, double, long, Boolean)} with the pixels stored as {@code storage}. */
    public static Split loadFolder(Path folder, double devFraction, long seed, Boolean shuffle, DataType storage) {
        Objects.requireNonNull(folder, "folder");
        if (!(devFraction >= 0 && devFraction < 1)) {
            throw new IllegalArgumentException("dev fraction must be in [0, 1), got " + devFraction);
        }
        if (!Files.isDirectory(folder)) {
            throw new DataFileException(folder, Files.exists(folder) ? DataFileException.Kind.NOT_A_FOLDER
                    : DataFileException.Kind.NO_SUCH_FOLDER);
        }
        String base = String.valueOf(folder.getFileName());
        Path trainImages = find(folder, FILE_NAMES.get(0));
        Path trainLabels = find(folder, FILE_NAMES.get(1));
        Dataset train = load(trainImages, trainLabels, base + "/train", storage);
        Path testImages = find(folder, FILE_NAMES.get(2));
        Path testLabels = find(folder, FILE_NAMES.get(3));
        Dataset test = load(testImages, testLabels, base + "/test", storage);
        int[] order = new int[train.rows()];
        int nDev = (int) Math.round(devFraction * train.rows());
        if (Splitter.shuffles(shuffle, nDev)) {
            new SeededRandom(seed).permutation(order);
        } else {
            for (int i = 0; i < order.length; i++) {
                order[i] = i < nDev ? order.length - nDev + i : i - nDev;
            }
        }
        int[] devRows = Arrays.copyOfRange(order, 0, nDev);
        int[] trainRows = Arrays.copyOfRange(order, nDev, order.length);
        return new Split(train.subset(trainRows, base + "/train"), train.subset(devRows, base + "/dev"),
                test.classes() == train.classes() ? test : widen(test, train.classNames(), testLabels, trainLabels));
    }

    private static Dataset widen(Dataset d, List<String> classNames, Path testLabels, Path trainLabels) {
        if (classNames.size() < d.classes()) {
            throw new DataFileException(testLabels, DataFileException.Kind.LABEL_BEYOND_TRAINING, d.classes() - 1,
                    trainLabels, classNames.size() - 1);
        }
        return d.withClassNames(classNames);
    }

    private static Path find(Path folder, String name) {
        Path raw = folder.resolve(name);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = folder.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new DataFileException(raw, DataFileException.Kind.NO_IDX_FILE, name);
    }

    /** The pixels as float32 ({@code pixels}) or float64 ({@code doubles}); the other is null. */
    private record Images(float[] pixels, double[] doubles, int count, int rows, int cols) {
    }

    private static Images readImages(Path file, boolean asDoubles) {
        try (InputStream in = Streams.open(file, DataFileException.Word.IDX_IMAGES_FILE)) {
            Header h = new Header(in, file);
            h.magic(IMAGES_MAGIC, DataFileException.Word.IDX_IMAGES);
            int count = h.dimension(DataFileException.Word.IMAGE_COUNT);
            int rows = h.dimension(DataFileException.Word.IMAGE_ROWS);
            int cols = h.dimension(DataFileException.Word.IMAGE_COLUMNS);
            if (count == 0) {
                throw new DataFileException(file, DataFileException.Kind.NO_IMAGES);
            }
            if (rows == 0 || cols == 0) {
                throw new DataFileException(file, DataFileException.Kind.NO_PIXELS, rows == 0 ? 8 : 12, rows, cols);
            }
            long perImage = (long) rows * cols;
            long total = perImage * count;
            if (total > Integer.MAX_VALUE - 8) {
                throw new DataFileException(file, DataFileException.Kind.TOO_MANY_IMAGES, count, rows, cols);
            }
            byte[] body = h.body((int) total, (end, from) -> new DataFileException(file,
                    DataFileException.Kind.TRUNCATED_IMAGES, end, total, count, rows, cols, from));
            if (asDoubles) {
                double[] doubles = new double[body.length];
                for (int i = 0; i < body.length; i++) {
                    doubles[i] = (body[i] & 0xFF) / 255.0;
                }
                return new Images(null, doubles, count, rows, cols);
            }
            float[] pixels = new float[body.length];
            for (int i = 0; i < body.length; i++) {
                pixels[i] = (body[i] & 0xFF) / 255f;
            }
            return new Images(pixels, null, count, rows, cols);
        } catch (IOException e) {
            throw DataFileException.cannotRead(file, e);
        }
    }

    private static int[] readLabels(Path file) {
        try (InputStream in = Streams.open(file, DataFileException.Word.IDX_LABELS_FILE)) {
            Header h = new Header(in, file);
            h.magic(LABELS_MAGIC, DataFileException.Word.IDX_LABELS);
            int count = h.dimension(DataFileException.Word.LABEL_COUNT);
            if (count == 0) {
                throw new DataFileException(file, DataFileException.Kind.NO_LABELS);
            }
            byte[] body = h.body(count, (end, from) -> new DataFileException(file,
                    DataFileException.Kind.TRUNCATED_LABELS, end, count, count, from));
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = body[i] & 0xFF;
            }
            return labels;
        } catch (IOException e) {
            throw DataFileException.cannotRead(file, e);
        }
    }

    /** The problem of data that end at byte offset {@code end}, short of what starts at {@code from}. */
    private interface Truncated {
        DataFileException at(long end, long from);
    }

    /** Reads a header field by field, knowing the byte offset for the messages. */
    private static final class Header {
        private final InputStream in;
        private final Path file;
        private long offset;

        Header(InputStream in, Path file) {
            this.in = in;
            this.file = file;
        }

        void magic(int expected, DataFileException.Word what) throws IOException {
            int found = readInt(DataFileException.Word.MAGIC_NUMBER);
            if (found != expected) {
                throw new DataFileException(file, DataFileException.Kind.WRONG_MAGIC, hex(found), hex(expected), what);
            }
        }

        private static String hex(int n) {
            return String.format(Locale.ROOT, "0x%08x", n);
        }

        int dimension(DataFileException.Word what) throws IOException {
            long at = offset;
            int d = readInt(what);
            if (d < 0) {
                throw new DataFileException(file, DataFileException.Kind.NEGATIVE_SIZE, at, what,
                        Integer.toUnsignedString(d));
            }
            return d;
        }

        private int readInt(DataFileException.Word what) throws IOException {
            byte[] b = body(4, (end, from) -> new DataFileException(file, DataFileException.Kind.TRUNCATED, end, 4L,
                    what, from));
            return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        }

        /**
         * The next n bytes; a file that ends first is reported with the offset where it ended. The
         * buffer grows with what is really there, so a header that claims more than the file holds
         * costs no more memory than the file.
         */
        byte[] body(int n, Truncated truncated) throws IOException {
            byte[] b = new byte[Math.min(n, 1 << 20)];
            int read = 0;
            try {
                while (read < n) {
                    if (read == b.length) {
                        b = Arrays.copyOf(b, (int) Math.min(n, 2L * b.length));
                    }
                    int r = in.read(b, read, b.length - read);
                    if (r < 0) {
                        break;
                    }
                    read += r;
                }
            } catch (EOFException e) { // a gzip stream cut short
                // fall through: report where it ended
            }
            if (read < n) {
                throw truncated.at(offset + read, offset);
            }
            offset += n;
            return b;
        }
    }
}
