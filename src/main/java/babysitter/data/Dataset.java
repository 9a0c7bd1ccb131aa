package babysitter.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An in-memory labelled data set: {@code rows × columns} float32 features in row-major order, one
 * class index per row, the class names and the feature names. Immutable by contract: the
 * constructor takes ownership of the arrays it is given (no copy, for the large image sets), so
 * the caller must not change them afterwards; every accessor that returns an array returns a copy.
 */
public final class Dataset {
    private final String name;
    private final float[] features;
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
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("data set name must not be blank");
        }
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be at least 0, got " + rows);
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        if ((long) rows * columns != features.length) {
            throw new IllegalArgumentException("features must hold rows * columns = " + rows + " * " + columns
                    + " = " + (long) rows * columns + " values, got " + features.length);
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
        for (int i = 0; i < features.length; i++) {
            if (!Float.isFinite(features[i])) {
                int r = i / columns;
                int c = i % columns;
                throw new IllegalArgumentException("feature at row " + r + ", column " + c + " (\""
                        + this.featureNames.get(c) + "\") must be finite, got " + features[i]);
            }
        }
        this.name = name;
        this.features = features;
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

    public float feature(int row, int col) {
        checkRow(row);
        if (col < 0 || col >= columns) {
            throw new IndexOutOfBoundsException("column must be in [0, " + columns + "), got " + col);
        }
        return features[row * columns + col];
    }

    /** Copies the {@code columns} features of {@code row} into {@code dst[offset ..]}. */
    public void copyRow(int row, float[] dst, int offset) {
        checkRow(row);
        System.arraycopy(features, row * columns, dst, offset, columns);
    }

    /** A copy of all features, row-major. */
    public float[] features() {
        return features.clone();
    }

    /** The same rows under another name and feature names; shares the (immutable) arrays. */
    Dataset renamed(String newName, List<String> newFeatureNames) {
        return new Dataset(newName, features, rows, columns, labels, classNames, newFeatureNames);
    }

    /** The features themselves, not a copy: for code of this package that only reads them. */
    float[] featureArray() {
        return features;
    }

    /** A new data set of the given rows, in the given order (a row may appear more than once). */
    public Dataset subset(int[] rows, String name) {
        float[] f = new float[rows.length * columns];
        int[] l = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            checkRow(rows[i]);
            System.arraycopy(features, rows[i] * columns, f, i * columns, columns);
            l[i] = labels[rows[i]];
        }
        return new Dataset(name, f, rows.length, columns, l, classNames, featureNames);
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
