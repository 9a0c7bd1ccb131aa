package babysitter.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static CsvLoader.Options opts(boolean header, String label) {
        return new CsvLoader.Options(header, label, ',');
    }

    @Test
    void labelsThatAreTheSameWholeNumberWrittenDifferentlyAreOneClass() throws IOException {
        Path f = write("n.csv", "x,label\n1,1\n2,1.0\n3,0\n4,2e0\n5,01\n");
        Dataset d = CsvLoader.load(f, opts(true, "last"));
        assertThat(d.classNames()).containsExactly("0", "1", "2");
        assertThat(d.labels()).containsExactly(1, 1, 0, 2, 1);
    }

    @Test
    void theSameNumberWrittenTwoWaysBesideTextLabelsIsAnErrorNamingTheLines() throws IOException {
        Path f = write("m.csv", "x,label\n1,1\n2,cat\n3,1.0\n");
        assertThatThrownBy(() -> CsvLoader.load(f, opts(true, "last"))).isInstanceOf(DataFileException.class)
                .hasMessage(f + ": line 4: label \"1.0\" is the same number as \"1\" on line 2: write each class's"
                        + " label the same way");
    }

    @Test
    void headerLabelByNameWithStringLabelsInOrderOfFirstAppearance() throws IOException {
        Path f = write("iris.csv", "x1,species,x2\n1.5,setosa,2\n 3 , virginica , -4e-1\n\n5,setosa,6\n");
        Dataset d = CsvLoader.load(f, opts(true, "species"));
        assertThat(d.name()).isEqualTo("iris.csv");
        assertThat(d.rows()).isEqualTo(3);
        assertThat(d.featureNames()).containsExactly("x1", "x2");
        assertThat(d.classNames()).containsExactly("setosa", "virginica");
        assertThat(d.labels()).containsExactly(0, 1, 0);
        assertThat(d.features()).containsExactly(1.5f, 2f, 3f, -0.4f, 5f, 6f);
    }

    @Test
    void noHeaderLabelLastWithIntegerLabelsSortedNumerically() throws IOException {
        Path f = write("n.csv", "1,2,10\n3,4,-1\n5,6,2\n7,8,02\n");
        Dataset d = CsvLoader.load(f, opts(false, "last"));
        assertThat(d.featureNames()).containsExactly("column_0", "column_1");
        assertThat(d.classNames()).containsExactly("-1", "2", "10");
        assertThat(d.labels()).containsExactly(2, 0, 1, 1);
    }

    @Test
    void labelByIndexAndOtherSeparatorAndQuotes() throws IOException {
        Path f = write("t.tsv", "\"label\"\t\"a \"\"b\"\"\"\tc\ncat\t\"1\"\t2\ndog\t3\t 4\n");
        Dataset d = CsvLoader.load(f, new CsvLoader.Options(true, "0", '\t'));
        assertThat(d.featureNames()).containsExactly("a \"b\"", "c");
        assertThat(d.classNames()).containsExactly("cat", "dog");
        assertThat(d.features()).containsExactly(1f, 2f, 3f, 4f);
    }

    @Test
    void mixedLabelsAreStrings() throws IOException {
        Path f = write("m.csv", "x,y\n1,b\n2,1\n3,b\n");
        Dataset d = CsvLoader.load(f, opts(true, "y"));
        assertThat(d.classNames()).containsExactly("b", "1");
        assertThat(d.labels()).containsExactly(0, 1, 0);
    }

    @Test
    void gzipFileIsRead() throws IOException {
        Path f = dir.resolve("z.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("a,b,label\n1,2,x\n3,4,y\n".getBytes(StandardCharsets.UTF_8));
        }
        Dataset d = CsvLoader.load(f, CsvLoader.Options.defaults());
        assertThat(d.rows()).isEqualTo(2);
        assertThat(d.classNames()).containsExactly("x", "y");
    }

    @Test
    void raggedRow() throws IOException {
        Path f = write("r.csv", "a,b,c\n1,2,x\n\n3,y\n");
        assertThatThrownBy(() -> CsvLoader.load(f, opts(true, "last")))
                .isInstanceOf(DataFileException.class)
                .hasMessage(f + ": line 4: expected 3 fields, found 2");
    }

    @Test
    void nonNumericFeatureNamesColumn() throws IOException {
        Path f = write("nn.csv", "x1,x2,label\n1,2,a\n3,abc,b\n");
        assertThatThrownBy(() -> CsvLoader.load(f, opts(true, "last")))
                .isInstanceOf(DataFileException.class)
                .hasMessage(f + ": line 3: expected a number in column \"x2\", found \"abc\"");
        Path g = write("nn2.csv", "1,2,a\nNaN,2,b\n");
        assertThatThrownBy(() -> CsvLoader.load(g, opts(false, "last")))
                .hasMessage(g + ": line 2: expected a finite float32 number in column 0, found \"NaN\"");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = write("e.csv", "");
        assertThatThrownBy(() -> CsvLoader.load(f, opts(true, "last")))
                .isInstanceOf(DataFileException.class)
                .hasMessage(f + ": empty file: expected a header line and at least one data row");
        Path blank = write("b.csv", "\n  \n");
        assertThatThrownBy(() -> CsvLoader.load(blank, opts(false, "last")))
                .hasMessage(blank + ": empty file: expected at least one data row");
        Path headerOnly = write("h.csv", "a,b\n");
        assertThatThrownBy(() -> CsvLoader.load(headerOnly, opts(true, "last")))
                .hasMessage(headerOnly + ": no data rows: expected at least one line after the header");
    }

    @Test
    void missingLabelColumnListsTheColumns() throws IOException {
        Path f = write("l.csv", "\nx1,x2,kind\n1,2,a\n");
        assertThatThrownBy(() -> CsvLoader.load(f, opts(true, "class")))
                .isInstanceOf(DataFileException.class)
                .hasMessage(f + ": line 2: label column \"class\" not found; the columns are \"x1\", \"x2\", \"kind\"");
        assertThatThrownBy(() -> CsvLoader.load(f, opts(true, "3")))
                .hasMessage(f + ": line 2: label column index 3 is out of range: expected 0..2 (the file has 3 columns)");
        Path g = write("g.csv", "1,2,a\n");
        assertThatThrownBy(() -> CsvLoader.load(g, opts(false, "kind")))
                .hasMessage(g + ": label column \"kind\" is a name but the file is read without a header: expected a"
                        + " 0-based index or \"last\"");
    }

    @Test
    void singleClass() throws IOException {
        Path f = write("s.csv", "x,y\n1,a\n2,a\n");
        assertThatThrownBy(() -> CsvLoader.load(f, opts(true, "y")))
                .isInstanceOf(DataFileException.class)
                .hasMessage(f + ": label column \"y\" needs at least 2 classes, found only one: \"a\"");
    }

    @Test
    void missingPath() {
        Path f = dir.resolve("absent.csv");
        assertThatThrownBy(() -> CsvLoader.load(f, opts(true, "last")))
                .isInstanceOf(DataFileException.class)
                .hasMessage(f + ": no such file (expected a delimited text file)");
        assertThatThrownBy(() -> CsvLoader.load(dir, opts(true, "last")))
                .hasMessage(dir + ": not a regular file (expected a delimited text file)");
    }

    @Test
    void unclosedQuoteAndEmptyLabel() throws IOException {
        Path f = write("q.csv", "a,b\n\"1,x\n");
        assertThatThrownBy(() -> CsvLoader.load(f, opts(true, "last")))
                .hasMessage(f + ": line 2: expected a closing quote for the field starting in column 0");
        Path g = write("el.csv", "a,b\n1,\n");
        assertThatThrownBy(() -> CsvLoader.load(g, opts(true, "last")))
                .hasMessage(g + ": line 2: expected a label in column \"b\", found an empty field");
    }

    @Test
    void badOptions() {
        assertThatThrownBy(() -> new CsvLoader.Options(true, " ", ','))
                .hasMessage("label column must be a name, a 0-based index or \"last\", got \" \"");
        assertThatThrownBy(() -> new CsvLoader.Options(true, "last", '"'))
                .hasMessage("separator must not be a quote or a line break, got '\"'");
    }
}
