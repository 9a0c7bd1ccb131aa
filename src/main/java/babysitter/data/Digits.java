package babysitter.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped handwritten digits: 1,797 images of 8×8 pixel counts (integers 0..16, kept as they
 * are), classes "0".."9", features "pixel_r_c" (row r, column c, row-major). The file is
 * scikit-learn's copy of the UCI "Optical Recognition of Handwritten Digits" test set; its source
 * and licence are in {@code assets/README.md}.
 */
public final class Digits {
    /** Where the data sit on the class path. */
    public static final String RESOURCE = "/assets/digits.csv.gz";
    public static final int ROWS = 1797;
    public static final int SIDE = 8;

    private Digits() {
    }

    /** Reads the digits from the class path (about 30 ms). */
    public static Dataset load() {
        Path source = Path.of("assets", "digits.csv.gz"); // names the class-path resource in messages
        InputStream raw = Digits.class.getResourceAsStream(RESOURCE);
        if (raw == null) {
            throw new DataFileException(source, "not found on the class path as " + RESOURCE + " (expected the shipped digits, assets/digits.csv.gz)");
        }
        try (InputStream in = Streams.maybeGunzip(raw)) {
            Dataset d = CsvLoader.read(in, source, new CsvLoader.Options(false, "last", ','), "digits");
            if (d.columns() != SIDE * SIDE || d.classes() != 10 || d.rows() != ROWS) {
                throw new DataFileException(source, "expected " + ROWS + " rows of " + SIDE * SIDE
                        + " pixels and 10 classes, found " + d.rows() + " rows of " + d.columns() + " and "
                        + d.classes() + " classes");
            }
            List<String> names = new ArrayList<>(SIDE * SIDE);
            for (int r = 0; r < SIDE; r++) {
                for (int c = 0; c < SIDE; c++) {
                    names.add("pixel_" + r + "_" + c);
                }
            }
            return d.renamed("digits", names);
        } catch (IOException e) {
            throw DataFileException.cannotRead(source, e);
        }
    }
}
