package babysitter.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code csv}: a delimited text file (required), its label column ("last") and whether it has a
 * header line (true). The separator is a tab for a file whose name ends in ".tsv" or ".tsv.gz",
 * otherwise a comma.
 */
public record CsvFile(String path, String labelColumn, Boolean header, SplitSettings settings) implements DataSpec {
    public CsvFile {
        Objects.requireNonNull(settings, "settings");
        DataSpecJson.check("csv", null, null, null, null, path, labelColumn, header, settings.devFraction(),
                settings.testFraction());
    }

    @Override
    public String kind() {
        return "csv";
    }

    @Override
    public CsvFile withDefaults() {
        return new CsvFile(path, labelColumn != null ? labelColumn : "last", header != null ? header : true, settings);
    }

    @Override
    public CsvFile withSettings(SplitSettings s) {
        return new CsvFile(path, labelColumn, header, s);
    }

    @Override
    public Split read(long dataSeed, long splitSeed, DataType storage) {
        CsvFile s = withDefaults();
        Dataset all = CsvLoader.load(Path.of(path), new CsvLoader.Options(s.header, s.labelColumn,
                CsvLoader.separator(path)), storage).stored(storage);
        return Splitter.split(all, devFraction(), testFraction(), splitSeed, shuffleSplit());
    }

    /** The fields of the file's first line (its column names when it has a header); null for an empty file. */
    public static List<String> firstLineFields(Path file) {
        return CsvLoader.firstLineFields(file);
    }

    @Override
    public String source() {
        CsvFile s = withDefaults();
        return "csv " + path + " (label column " + s.labelColumn + ")";
    }
}
