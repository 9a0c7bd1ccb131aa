package babysitter.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSpecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static DataSpec parse(String json) throws IOException {
        return JSON.readValue(json.replace('\'', '"'), DataSpec.class);
    }

    @Test
    void theStoragePrecisionFollowsTheNetworkUnlessTheSpecSaysOtherwise() throws IOException {
        DataSpec s = parse("{'kind':'moons','n':40,'standardize':false}");
        assertThat(s.load(3, org.nd4j.linalg.api.buffer.DataType.DOUBLE).split().train().dataType())
                .isEqualTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        assertThat(s.load(3, org.nd4j.linalg.api.buffer.DataType.FLOAT).split().train().dataType())
                .isEqualTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        DataSpec f32 = parse("{'kind':'moons','n':40,'standardize':false,'precision':'FLOAT32'}"); // run configurations ignore case
        assertThat(f32.precision()).isEqualTo(DataPrecision.FLOAT32);
        assertThat(f32.load(3, org.nd4j.linalg.api.buffer.DataType.DOUBLE).split().train().dataType())
                .isEqualTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        // the float32 values are the roundings of the float64 ones
        double[] exact = s.load(3, org.nd4j.linalg.api.buffer.DataType.DOUBLE).split().dev().doubleFeatures();
        float[] rounded = f32.load(3, org.nd4j.linalg.api.buffer.DataType.DOUBLE).split().dev().features();
        for (int i = 0; i < exact.length; i++) {
            assertThat(rounded[i]).isEqualTo((float) exact[i]);
        }
        assertThat(JSON.readValue(JSON.writeValueAsString(f32), DataSpec.class)).isEqualTo(f32);
    }

    @Test
    void absentFieldsTakeDefaults() throws IOException {
        DataSpec s = parse("{'kind':'spiral'}");
        assertThat(s.devFraction()).isEqualTo(0.2);
        assertThat(s.testFraction()).isEqualTo(0.0);
        assertThat(s.standardize()).isTrue();
        assertThat(s.seed()).isNull();
        assertThat(((BuiltInSet) s).n()).isNull();
        BuiltInSet d = (BuiltInSet) s.withDefaults();
        assertThat(d.n()).isEqualTo(600);
        assertThat(d.arms()).isEqualTo(3);
        assertThat(d.noise()).isEqualTo(0.2);
        assertThat(((BuiltInSet) parse("{'kind':'blobs'}").withDefaults()).classes()).isEqualTo(3);
        CsvFile csv = (CsvFile) parse("{'kind':'csv','path':'x.csv'}").withDefaults();
        assertThat(csv.labelColumn()).isEqualTo("last");
        assertThat(csv.header()).isTrue();
        assertThat(DataSpec.of("digits").withDefaults()).isEqualTo(DataSpec.of("digits"));
        // given values are kept
        DataSpec given = parse("{'kind':'spiral','n':90,'arms':5,'noise':0,'devFraction':0.1,'testFraction':0.1,"
                + "'standardize':false,'seed':4}").withDefaults();
        assertThat(given).isEqualTo(new BuiltInSet("spiral", 90, null, 5, 0.0,
                new SplitSettings(0.1, 0.1, false, 4L, null, null)));
    }

    @Test
    void jsonRoundTripOmitsNulls() throws IOException {
        DataSpec s = parse("{'kind':'moons','noise':0.3,'seed':12}");
        String json = JSON.writeValueAsString(s);
        assertThat(json).doesNotContain("null").contains("\"kind\":\"moons\"").contains("\"devFraction\":0.2");
        assertThat(JSON.readValue(json, DataSpec.class)).isEqualTo(s);
    }

    @Test
    void unknownPropertiesRejected() {
        assertThatThrownBy(() -> parse("{'kind':'spiral','nosie':0.1}"))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("nosie");
    }

    @Test
    void validationNamesTheJsonField() {
        assertThatThrownBy(() -> parse("{'kind':'spiral','noise':-1}"))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("data.noise must be a finite number >= 0, got -1");
        assertThatThrownBy(() -> parse("{'noise':1}")).hasMessageContaining("data.kind is required");
        assertThatThrownBy(() -> DataSpec.of("mnist"))
                .hasMessage("data.kind must be one of spiral, moons, circles, xor, blobs, digits, idx, csv, got \"mnist\"");
        assertThatThrownBy(() -> parse("{'kind':'moons','arms':3}"))
                .hasMessageContaining("data.arms does not apply to kind moons (it takes n, noise)");
        assertThatThrownBy(() -> parse("{'kind':'digits','n':3}"))
                .hasMessageContaining("data.n does not apply to kind digits (it takes no such fields)");
        assertThatThrownBy(() -> parse("{'kind':'spiral','n':2,'arms':3}"))
                .hasMessageContaining("data.n must be at least data.arms (3), got 2");
        assertThatThrownBy(() -> parse("{'kind':'blobs','classes':1}"))
                .hasMessageContaining("data.classes must be at least 2, got 1");
        assertThatThrownBy(() -> parse("{'kind':'spiral','arms':1}"))
                .hasMessageContaining("data.arms must be at least 2, got 1");
        assertThatThrownBy(() -> parse("{'kind':'csv'}"))
                .hasMessageContaining("data.path is required for kind csv: a CSV file");
        assertThatThrownBy(() -> parse("{'kind':'xor','devFraction':1}"))
                .hasMessageContaining("data.devFraction must be in [0, 1), got 1");
        assertThatThrownBy(() -> parse("{'kind':'xor','testFraction':-0.5}"))
                .hasMessageContaining("data.testFraction must be in [0, 1), got -0.5");
        assertThatThrownBy(() -> parse("{'kind':'xor','devFraction':0.5,'testFraction':0.5}"))
                .hasMessageContaining("data.devFraction + data.testFraction must be < 1, got 0.5 + 0.5");
    }

    @Test
    void loadSplitsAndStandardisesWithTrainStatistics() throws IOException {
        DataSpec s = parse("{'kind':'spiral','n':300,'testFraction':0.1}");
        DataSpec.LoadedData a = s.load(5);
        assertThat(a.split().train().rows()).isEqualTo(210);
        assertThat(a.split().dev().rows()).isEqualTo(60);
        assertThat(a.split().test().rows()).isEqualTo(30);
        assertThat(a.standardizer()).isNotNull();
        assertThat(a.description()).isEqualTo("spiral (n=300, arms=3, noise=0.2), seed 5: train 210, dev 60, test 30,"
                + " 2 features, 3 classes, standardised");
        for (int j = 0; j < 2; j++) {
            double sum = 0;
            for (int r = 0; r < 210; r++) {
                sum += a.split().train().feature(r, j);
            }
            assertThat(sum / 210).isCloseTo(0.0, within(1e-6));
        }
        // the same run seed gives the same data; the spec's own seed overrides the run seed
        DataSpec.LoadedData b = s.load(5);
        assertThat(b.split().dev().features()).containsExactly(a.split().dev().features());
        assertThat(b.standardizer()).isEqualTo(a.standardizer());
        assertThat(s.load(6).split().dev().features()).isNotEqualTo(a.split().dev().features());
        DataSpec.LoadedData c = s.withSeed(5L).load(999);
        assertThat(c.split().dev().features()).containsExactly(a.split().dev().features());
        // standardisation off: raw values, no standardizer
        DataSpec.LoadedData raw = parse("{'kind':'digits','standardize':false}").load(1);
        assertThat(raw.standardizer()).isNull();
        assertThat(raw.split().train().rows() + raw.split().dev().rows()).isEqualTo(1797);
        assertThat(raw.split().dev().rows()).isEqualTo(359);
        assertThat(raw.description()).endsWith("64 features, 10 classes");
    }

    @Test
    void loadCsvAndIdx() throws IOException {
        Path csv = dir.resolve("points.csv");
        StringBuilder text = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 20; i++) {
            text.append(i).append(',').append(2 * i).append(',').append(i % 2 == 0 ? "even" : "odd").append('\n');
        }
        Files.writeString(csv, text);
        String json = "{'kind':'csv','path':'" + csv + "','devFraction':0.25,'standardize':false}";
        DataSpec.LoadedData d = parse(json).load(1);
        assertThat(d.split().train().rows()).isEqualTo(15);
        assertThat(d.split().train().classNames()).containsExactly("even", "odd");
        assertThat(d.description()).startsWith("csv " + csv + " (label column last), seed 1: train 15, dev 5, test 0");

        Path idx = dir.resolve("idx");
        Files.createDirectories(idx);
        Files.write(idx.resolve("train-images-idx3-ubyte"), IdxLoaderTest.images(10, 2, 2));
        Files.write(idx.resolve("train-labels-idx1-ubyte"), IdxLoaderTest.labels(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        Files.write(idx.resolve("t10k-images-idx3-ubyte"), IdxLoaderTest.images(4, 2, 2));
        Files.write(idx.resolve("t10k-labels-idx1-ubyte"), IdxLoaderTest.labels(1, 1, 2, 2));
        DataSpec.LoadedData m = parse("{'kind':'idx','path':'" + idx + "','testFraction':0.5}").load(3);
        assertThat(m.split().train().rows()).isEqualTo(8);
        assertThat(m.split().dev().rows()).isEqualTo(2);
        assertThat(m.split().test().rows()).isEqualTo(4); // testFraction is ignored: the t10k files are the test part
        assertThat(m.standardizer().columns()).isEqualTo(4);

        Path absent = dir.resolve("absent.csv");
        assertThatThrownBy(() -> parse("{'kind':'csv','path':'" + absent + "'}").load(1))
                .isInstanceOf(DataFileException.class).hasMessage(absent + ": no such file (expected a delimited text file)");
    }
}
