package babysitter.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * An in-memory labelled data set: {@code rows × columns} features in row-major order, one class
 * index per row, the class names and the feature names. The features are stored either as float32
 * (half the memory, for float32 networks) or as float64 (the values as read, for float64
 * networks); {@link #dataType()} says which. Immutable by contract: the constructor takes
 * ownership of the arrays it is given (no copy, for the large image sets), so the caller must not
 * change them afterwards; every accessor that returns an array returns a copy.
 */
public final class Dataset {
    private final String name;
    /** The float32 features, or null when they are stored as {@link #doubles}. */
    private final float[] features;
    /** The float64 features, or null when they are stored as {@link #features}. */
    private final double[] doubles;
    private final int rows;
    private final int columns;
    private final int[] labels;
    private final List<String> classNames;
    private final List<String> featureNames;

    /**
     * @param name         a short description, shown to the user (not blank)
     * @param features     {@code rows * columns} finite values, row-major; owned by the data set from now on
     * @param rows         number of examples, at least 0
     * @param columns      number of features, at least 1
     * @param labels       {@code rows} class indices in [0, classNames.size()); owned by the data set from now on
     * @param classNames   at least 2 names (copied)
     * @param featureNames {@code columns} names (copied)
     */
    public Dataset(String name, float[] features, int rows, int columns, int[] labels,
                   List<String> classNames, List<String> featureNames) {
        this(name, Objects.requireNonNull(features, "features"), null, rows, columns, labels, classNames,
                featureNames);
    }

    /** As {@link #Dataset(String, float[], int, int, int[], List, List)} with float64 features. */
    public Dataset(String name, double[] features, int rows, int columns, int[] labels,
                   List<String> classNames, List<String> featureNames) {
        this(name, null, Objects.requireNonNull(features, "features"), rows, columns, labels, classNames,
                featureNames);
    }

    private Dataset(String name, float[] floats, double[] doubles, int rows, int columns, int[] labels,
                    List<String> classNames, List<String> featureNames) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("data set name must not be blank");
        }
        Objects.requireNonNull(labels, "labels");
        int length = floats != null ? floats.length : doubles.length;
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be at least 0, got " + rows);
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        if ((long) rows * columns != length) {
            throw new IllegalArgumentException("features must hold rows * columns = " + rows + " * " + columns
                    + " = " + (long) rows * columns + " values, got " + length);
        }
        if (labels.length != rows) {
            throw new IllegalArgumentException("labels must hold one label per row (" + rows + "), got "
                    + labels.length);
        }
        this.classNames = List.copyOf(Objects.requireNonNull(classNames, "classNames"));
        this.featureNames = List.copyOf(Objects.requireNonNull(featureNames, "featureNames"));
        if (this.classNames.size() < 2) {
            throw new IllegalArgumentException("a data set needs at least 2 class names, got "
                    + this.classNames.size() + " " + this.classNames);
        }
        if (this.featureNames.size() != columns) {
            throw new IllegalArgumentException("feature names must name each of the " + columns + " columns, got "
                    + this.featureNames.size());
        }
        int classes = this.classNames.size();
        for (int r = 0; r < rows; r++) {
            if (labels[r] < 0 || labels[r] >= classes) {
                throw new IllegalArgumentException("label of row " + r + " must be in [0, " + classes + "), got "
                        + labels[r]);
            }
        }
        for (int i = 0; i < length; i++) {
            double v = floats != null ? floats[i] : doubles[i];
            if (!Double.isFinite(v)) {
                int r = i / columns;
                int c = i % columns;
                throw new IllegalArgumentException("feature at row " + r + ", column " + c + " (\""
                        + this.featureNames.get(c) + "\") must be finite, got " + (floats != null ? floats[i] : v));
            }
        }
        this.name = name;
        this.features = floats;
        this.doubles = doubles;
        this.rows = rows;
        this.columns = columns;
        this.labels = labels;
    }

    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** Number of classes C (the number of class names). */
    public int classes() {
        return classNames.size();
    }

    public List<String> classNames() {
        return classNames;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public int label(int row) {
        checkRow(row);
        return labels[row];
    }

    /** A copy of all labels. */
    public int[] labels() {
        return labels.clone();
    }

    /** FLOAT when the features are stored as float32, DOUBLE when as float64. */
    public DataType dataType() {
        return features != null ? DataType.FLOAT : DataType.DOUBLE;
    }

    /** The feature as stored (a float32 value is exactly a double). */
    public double feature(int row, int col) {
        checkRow(row);
        if (col < 0 || col >= columns) {
            throw new IndexOutOfBoundsException("column must be in [0, " + columns + "), got " + col);
        }
        int i = row * columns + col;
        return features != null ? features[i] : doubles[i];
    }

    /**
     * Copies the {@code columns} features of {@code row} into {@code dst[offset ..]}; float64
     * features are rounded to float32.
     */
    public void copyRow(int row, float[] dst, int offset) {
        checkRow(row);
        if (features != null) {
            System.arraycopy(features, row * columns, dst, offset, columns);
        } else {
            for (int j = 0, i = row * columns; j < columns; j++, i++) {
                dst[offset + j] = (float) doubles[i];
            }
        }
    }

    /** Copies the {@code columns} features of {@code row} into {@code dst[offset ..]}, exactly as stored. */
    public void copyRow(int row, double[] dst, int offset) {
        checkRow(row);
        if (doubles != null) {
            System.arraycopy(doubles, row * columns, dst, offset, columns);
        } else {
            for (int j = 0, i = row * columns; j < columns; j++, i++) {
                dst[offset + j] = features[i];
            }
        }
    }

    /** A copy of all features, row-major, as float32 (float64 features rounded: for display). */
    public float[] features() {
        if (features != null) {
            return features.clone();
        }
        float[] f = new float[doubles.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) doubles[i];
        }
        return f;
    }

    /** A copy of all features, row-major, exactly as stored. */
    public double[] doubleFeatures() {
        if (doubles != null) {
            return doubles.clone();
        }
        double[] d = new double[features.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = features[i];
        }
        return d;
    }

    /** The same rows under another name and feature names; shares the (immutable) arrays. */
    Dataset renamed(String newName, List<String> newFeatureNames) {
        return new Dataset(newName, features, doubles, rows, columns, labels, classNames, newFeatureNames);
    }

    /**
     * The same data set stored as {@code storage} (FLOAT or DOUBLE): this one if it already is;
     * float32 values widen exactly, float64 values are rounded to the nearest float32.
     */
    public Dataset stored(DataType storage) {
        if (storage == dataType()) {
            return this;
        }
        if (storage == DataType.DOUBLE) {
            return new Dataset(name, null, doubleFeatures(), rows, columns, labels, classNames, featureNames);
        }
        if (storage == DataType.FLOAT) {
            return new Dataset(name, features(), null, rows, columns, labels, classNames, featureNames);
        }
        throw new IllegalArgumentException("storage must be FLOAT or DOUBLE, got " + storage);
    }

    /** The float32 features themselves (null when stored as float64): for code of this package that only reads them. */
    float[] floatArray() {
        return features;
    }

    /** The float64 features themselves (null when stored as float32): for code of this package that only reads them. */
    double[] doubleArray() {
        return doubles;
    }

    /** The same rows with other class names (as many or more); shares the (immutable) arrays. */
    Dataset withClassNames(List<String> newClassNames) {
        return new Dataset(name, features, doubles, rows, columns, labels, newClassNames, featureNames);
    }

    /** A new data set of the given rows, in the given order (a row may appear more than once), stored alike. */
    public Dataset subset(int[] rows, String name) {
        float[] f = features != null ? new float[rows.length * columns] : null;
        double[] d = doubles != null ? new double[rows.length * columns] : null;
        int[] l = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            checkRow(rows[i]);
            if (f != null) {
                System.arraycopy(features, rows[i] * columns, f, i * columns, columns);
            } else {
                System.arraycopy(doubles, rows[i] * columns, d, i * columns, columns);
            }
            l[i] = labels[rows[i]];
        }
        return new Dataset(name, f, d, rows.length, columns, l, classNames, featureNames);
    }

    /** How many rows each class has, indexed by class. */
    public int[] classCounts() {
        int[] counts = new int[classes()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    private void checkRow(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row must be in [0, " + rows + "), got " + row);
        }
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + rows + " × " + columns + ", " + classes() + " classes, counts "
                + Arrays.toString(classCounts()) + "]";
    }
}
