package babysitter.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import babysitter.data.CsvLoader;
import babysitter.data.DataFileException;
import babysitter.data.DataSpec;
import babysitter.data.DataSpecException;
import babysitter.data.IdxLoader;
import babysitter.engine.Activation;
import babysitter.engine.Hyperparameters;
import babysitter.engine.InvalidValue;
import babysitter.engine.LayerSpec;
import babysitter.engine.LrDecay;
import babysitter.engine.NetworkConfig;
import babysitter.engine.Precision;
import babysitter.i18n.Texts;
import babysitter.session.configuration.BrokenRule;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.ConfigRule;
import babysitter.session.configuration.NetworkSpec;
import babysitter.session.configuration.RunConfig;
import babysitter.session.training.TooLargeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values that break their rules and data files that cannot be read, in the window's language; in
 * English the window says what the command line says.
 */
class ProblemWordsTest {
    private Locale before;

    @BeforeEach
    void remember() {
        before = Locale.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    /** Every rule of the hyperparameters, the network and the run configuration, as they throw it. */
    private static List<InvalidValue> everyRuleBroken() {
        Hyperparameters d = Hyperparameters.DEFAULTS;
        DataSpec spiral = DataSpec.of("spiral");
        List<ThrowingCallable> breaks = List.of(
                () -> d.withLearningRate(0),
                () -> d.withMomentum(1),
                () -> d.withBetas(-0.1, 0.999),
                () -> d.withBetas(0.9, 1),
                () -> d.withEpsilon(Double.NaN),
                () -> d.withL2(-1),
                () -> d.withBatchSize(0),
                () -> d.withDecay(LrDecay.NONE, -1),
                () -> d.withDecay(LrDecay.INVERSE_TIME, -0.5),
                () -> d.withDecay(LrDecay.EXPONENTIAL, 1.5),
                () -> d.withDecay(LrDecay.INVERSE_SQRT, 0),
                () -> d.withDecay(LrDecay.STAIRCASE, 0),
                () -> d.withDecay(LrDecay.STAIRCASE, 0.5, 0),
                () -> new LayerSpec(0, Activation.RELU, false),
                () -> new NetworkConfig(0, List.of(), 2, Precision.FLOAT32, 1e-5, 0.9, 1),
                () -> new NetworkConfig(2, List.of(), 1, Precision.FLOAT32, 1e-5, 0.9, 1),
                () -> new NetworkConfig(2, List.of(), 2, Precision.FLOAT32, 0, 0.9, 1),
                () -> new NetworkConfig(2, List.of(), 2, Precision.FLOAT32, 1e-5, 1, 1),
                () -> new RunConfig(null, null, null, spiral, 0, null, null, null),
                () -> new RunConfig(null, null, null, spiral, 3, null, null, 0));
        List<InvalidValue> broken = new ArrayList<>();
        for (ThrowingCallable c : breaks) {
            InvalidValue e = catchThrowableOfType(c, InvalidValue.class);
            assertThat(e).as("a value that breaks its rule").isNotNull();
            broken.add(e);
        }
        return broken;
    }

    @Test
    void everyBrokenRuleIsSaidInKoreanAndInEnglishAsTheCommandLineSaysIt() {
        for (InvalidValue e : everyRuleBroken()) {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(ProblemWords.invalidValue(e)).as(e.name()).isEqualTo(e.getMessage());
            Locale.setDefault(Locale.KOREAN);
            assertThat(ProblemWords.invalidValue(e)).as(e.name())
                    .isNotEqualTo(e.getMessage())
                    .contains("이어야 합니다. 입력값: " + e.value())
                    .doesNotContain("must", "got", "!");
        }
        Locale.setDefault(Locale.KOREAN);
        InvalidValue batch = catchThrowableOfType(() -> Hyperparameters.DEFAULTS.withBatchSize(0), InvalidValue.class);
        assertThat(ProblemWords.invalidValue(batch)).isEqualTo("미니배치 크기은(는) 1 이상의 정수이어야 합니다. 입력값: 0");
        InvalidValue exponential = catchThrowableOfType(
                () -> Hyperparameters.DEFAULTS.withDecay(LrDecay.EXPONENTIAL, 1.5), InvalidValue.class);
        assertThat(ProblemWords.invalidValue(exponential))
                .isEqualTo("지수 감쇠의 감쇠율 (α에 곱하는 인수)은(는) (0, 1] 범위의 수이어야 합니다. 입력값: 1.5");
    }

    @Test
    void aValueTheBundlesDoNotNameIsSaidInItsMessage() {
        Locale.setDefault(Locale.KOREAN);
        InvalidValue e = new InvalidValue("somethingNew", "something new", InvalidValue.Rule.AT_LEAST, "0", "1");
        assertThat(ProblemWords.invalidValue(e)).isEqualTo("something new must be at least 1, got 0");
    }

    @Test
    void everyDataProblemHasASentenceInEachLanguageAndTheEnglishIsTheMessage() {
        Path file = Path.of("data", "x.csv");
        for (DataFileException.Kind kind : DataFileException.Kind.values()) {
            if (kind == DataFileException.Kind.TEXT) {
                continue;
            }
            Object[] values = new Object[6];
            for (int i = 0; i < values.length; i++) {
                values[i] = "v" + i;
            }
            int arity = 0;
            while (true) {
                try {
                    new DataFileException(file, kind, java.util.Arrays.copyOf(values, arity));
                    break;
                } catch (IllegalArgumentException tooFewOrMany) {
                    arity++;
                }
            }
            DataFileException e = new DataFileException(file, kind, java.util.Arrays.copyOf(values, arity));
            Locale.setDefault(Locale.ENGLISH);
            assertThat(ProblemWords.dataFile(e)).as(kind.key()).isEqualTo(e.getMessage());
            Locale.setDefault(Locale.KOREAN);
            assertThat(ProblemWords.dataFile(e)).as(kind.key()).startsWith(file + ": ").isNotEqualTo(e.getMessage())
                    .doesNotContain("!data.");
            for (int i = 0; i < arity; i++) {
                assertThat(ProblemWords.dataFile(e)).as(kind.key()).contains("v" + i);
            }
        }
        for (DataFileException.Word w : DataFileException.Word.values()) {
            assertThat(Texts.bundle(Locale.ENGLISH).containsKey(w.key())).as(w.key()).isTrue();
            assertThat(Texts.bundle(Locale.KOREAN).getString(w.key())).as(w.key())
                    .isNotEqualTo(Texts.bundle(Locale.ENGLISH).getString(w.key()));
        }
    }

    @Test
    void aBrokenCsvFileIsSaidWithItsFileLineColumnAndValue(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("points.csv");
        Files.writeString(csv, "x,y,label\n1,2,a\n3,abc,b\n", StandardCharsets.UTF_8);
        DataFileException e = catchThrowableOfType(() -> CsvLoader.load(csv, new CsvLoader.Options(true, "label", ',')),
                DataFileException.class);
        Locale.setDefault(Locale.KOREAN);
        assertThat(ProblemWords.dataFile(e)).isEqualTo(csv + ": 3행: \"y\"열에 수가 있어야 하는데 \"abc\"입니다");
        Locale.setDefault(Locale.ENGLISH);
        assertThat(ProblemWords.dataFile(e)).isEqualTo(e.getMessage())
                .isEqualTo(csv + ": line 3: expected a number in column \"y\", found \"abc\"");

        Path tsv = dir.resolve("one.tsv");
        Files.writeString(tsv, "1\n2\n", StandardCharsets.UTF_8);
        DataFileException tab = catchThrowableOfType(() -> CsvLoader.load(tsv, new CsvLoader.Options(false, "last", '\t')),
                DataFileException.class);
        assertThat(ProblemWords.dataFile(tab)).isEqualTo(tab.getMessage());
        Locale.setDefault(Locale.KOREAN);
        assertThat(ProblemWords.dataFile(tab))
                .isEqualTo(tsv + ": 1행: 탭(으)로 나뉜 필드가 적어도 2개 (특성과 레이블) 있어야 하는데 1개입니다");
    }

    @Test
    void aMissingIdxFolderIsSaidInKorean(@TempDir Path dir) {
        Path none = dir.resolve("mnist");
        DataFileException e = catchThrowableOfType(() -> IdxLoader.loadFolder(none, 0.1, 1), DataFileException.class);
        Locale.setDefault(Locale.KOREAN);
        assertThat(ProblemWords.say(e)).isEqualTo(none + ": 폴더가 없습니다 (IDX 파일 폴더여야 합니다)");
    }

    @Test
    void aProblemWrappedWithTheSameMessageIsStillSaidInTheWindowsLanguage() {
        InvalidValue batch = catchThrowableOfType(() -> Hyperparameters.DEFAULTS.withBatchSize(0), InvalidValue.class);
        Locale.setDefault(Locale.KOREAN);
        assertThat(ProblemWords.say(new UncheckedIOException(batch.getMessage(), new IOException(batch))))
                .isEqualTo("미니배치 크기은(는) 1 이상의 정수이어야 합니다. 입력값: 0");
        // an error that says more than the problem keeps its own words
        assertThat(ProblemWords.say(new IllegalStateException("while starting: " + batch.getMessage(), batch)))
                .isEqualTo("while starting: " + batch.getMessage());
    }

    /** A network too large to train: its numbers in the window's language, the command line's sentence in English. */
    @Test
    void aNetworkTooLargeToTrainIsSaidInKorean() {
        NetworkSpec wide = new NetworkSpec(List.of(new LayerSpec(1000, Activation.RELU, false)), null, null, null);
        NetworkSpec.TooLarge size = wide.tooLarge(784, 10, 128, 1_000_000);
        assertThat(size.english()).isEqualTo("the network would hold 7.96e+05 parameters and need about 0.0 GB to train,"
                + " more than the 0.0 GB this program may use (java -Xmx); make network.hidden[0].units smaller");
        TooLargeException e = new TooLargeException(wide.widestPath(), size, 784, 10);
        Locale.setDefault(Locale.ENGLISH);
        assertThat(ProblemWords.say(e)).isEqualTo(e.getMessage());
        Locale.setDefault(Locale.KOREAN);
        assertThat(ProblemWords.say(e)).isEqualTo("network.hidden[0].units: 이 신경망은 매개변수가 7.96e+05개로, 학습에 약"
                + " 0.0 GB가 필요해 이 프로그램이 쓸 수 있는 0.0 GB(java -Xmx)보다 많습니다. network.hidden[0].units을(를)"
                + " 줄이세요 (데이터: 특성 784개, 클래스 10개)");
        NetworkSpec none = new NetworkSpec(List.of(), null, null, null);
        TooLargeException small = new TooLargeException(none.widestPath(), none.tooLarge(784, 10, 128, 1), 784, 10);
        assertThat(ProblemWords.say(small)).doesNotContain("줄이세요");
        Locale.setDefault(Locale.ENGLISH);
        assertThat(ProblemWords.say(small)).isEqualTo(small.getMessage()).doesNotContain("smaller");
    }

    /** Every rule of a configuration or a space file: a sentence in each language, the English one the message. */
    @Test
    void everyConfigRuleHasASentenceInEachLanguageAndTheEnglishIsTheMessage() {
        for (ConfigRule rule : ConfigRule.values()) {
            Object[] values = java.util.stream.IntStream.range(0, rule.arity()).mapToObj(i -> "v" + i).toArray();
            ConfigException e = ConfigException.of("space.json", "params[0]", rule, values);
            BrokenRule broken = new BrokenRule(rule, values);
            Locale.setDefault(Locale.ENGLISH);
            assertThat(ProblemWords.config(e)).as(rule.key()).isEqualTo(e.getMessage());
            assertThat(ProblemWords.say(broken)).as(rule.key()).isEqualTo(broken.getMessage());
            Locale.setDefault(Locale.KOREAN);
            assertThat(ProblemWords.config(e)).as(rule.key()).startsWith("space.json: params[0]: ")
                    .isNotEqualTo(e.getMessage()).doesNotContain("!config.");
            assertThat(ProblemWords.say(broken)).as(rule.key()).isNotEqualTo(broken.getMessage());
            for (Object v : values) {
                assertThat(ProblemWords.config(e)).as(rule.key()).contains(v.toString());
            }
        }
        for (ConfigRule.Word w : ConfigRule.Word.values()) {
            assertThat(Texts.bundle(Locale.ENGLISH).containsKey(w.key())).as(w.key()).isTrue();
            assertThat(Texts.bundle(Locale.KOREAN).getString(w.key())).as(w.key())
                    .isNotEqualTo(Texts.bundle(Locale.ENGLISH).getString(w.key()));
        }
    }

    /**
     * A configuration file (or a recorded run's configuration) that cannot be used, in Korean: the
     * file, where in it, the rule (ours, JSON's or a value's) and the line; in English as the command line says it.
     */
    @Test
    void aConfigurationThatCannotBeUsedIsSaidInKorean(@TempDir Path dir) throws IOException {
        Path unknownKey = dir.resolve("key.json");
        Files.writeString(unknownKey, "{ \"data\": { \"kind\": \"spiral\" },\n  \"epochz\": 3\n}\n");
        Path badValue = dir.resolve("value.json");
        Files.writeString(badValue, "{ \"data\": { \"kind\": \"spiral\" }, \"epochs\": 0 }");
        Path notJson = dir.resolve("syntax.json");
        Files.writeString(notJson, "{ \"epochs\": 3, }");
        Path empty = dir.resolve("blank.json");
        Files.writeString(empty, "");
        Path notUtf8 = dir.resolve("latin1.json");
        Files.write(notUtf8, new byte[] {'{', (byte) 0xE9, '}'});
        Path text = dir.resolve("text.json");
        Files.writeString(text, "{ \"data\": { \"kind\": \"spiral\" }, \"epochs\": \"three\" }");
        Path fraction = dir.resolve("fraction.json");
        Files.writeString(fraction, "{ \"data\": { \"kind\": \"spiral\" }, \"epochs\": 2.5 }");
        Path optimizer = dir.resolve("optimizer.json");
        Files.writeString(optimizer, "{ \"data\": { \"kind\": \"spiral\" }, \"optimizer\": { \"kind\": \"adamw\" } }");
        Path list = dir.resolve("list.json");
        Files.writeString(list, "{ \"data\": { \"kind\": \"spiral\" }, \"optimizer\": { \"kind\": [] } }");
        List<Path> files = List.of(unknownKey, badValue, notJson, empty, notUtf8, dir.resolve("nothing.json"), dir,
                text, fraction, optimizer, list);
        for (Path file : files) {
            ConfigException e = catchThrowableOfType(() -> ConfigFiles.read(file), ConfigException.class);
            assertThat(e).as(file.toString()).isNotNull();
            Locale.setDefault(Locale.ENGLISH);
            assertThat(ProblemWords.say(e)).isEqualTo(e.getMessage());
            Locale.setDefault(Locale.KOREAN);
            assertThat(ProblemWords.say(e)).as(e.getMessage()).startsWith(file.toString()).isNotEqualTo(e.getMessage())
                    .doesNotContain("!", "unknown", "must", "expected", "no such", "folder", "line");
        }
        Locale.setDefault(Locale.KOREAN);
        ConfigException e = catchThrowableOfType(() -> ConfigFiles.read(unknownKey), ConfigException.class);
        assertThat(ProblemWords.say(e)).startsWith(unknownKey + ": epochz: 알 수 없는 키 'epochz'. 알려진 키: [")
                .endsWith("] (3번째 줄, 2번째 열)");
        e = catchThrowableOfType(() -> ConfigFiles.read(dir), ConfigException.class);
        assertThat(ProblemWords.say(e)).isEqualTo(dir + ": 폴더입니다. 설정 파일이어야 합니다");
        e = catchThrowableOfType(() -> ConfigFiles.read(fraction), ConfigException.class);
        assertThat(ProblemWords.say(e)).isEqualTo(fraction + ": epochs: 2.5은(는) 정수이(가) 아닙니다 (1번째 줄, 43번째 열)");
        e = catchThrowableOfType(() -> ConfigFiles.read(list), ConfigException.class);
        assertThat(ProblemWords.say(e)).startsWith(list + ": optimizer.kind: 값이어야 합니다 (다음 중 하나: sgd, ");
        for (ConfigRule.Found.Kind kind : ConfigRule.Found.Kind.values()) {
            ConfigRule.Found found = new ConfigRule.Found(kind, "x");
            assertThat(Texts.in(Locale.ENGLISH, kind.key(), "x")).isEqualTo(found.english());
            assertThat(Texts.in(Locale.KOREAN, kind.key(), "x")).isNotEqualTo(found.english());
        }
    }

    /** Every rule of a data description: a sentence in each language, the English one the message. */
    @Test
    void everyDataDescriptionRuleIsSaidInEachLanguage() {
        for (DataSpecException.Rule rule : DataSpecException.Rule.values()) {
            Object[] values = java.util.stream.IntStream.range(0, rule.arity()).mapToObj(i -> "v" + i).toArray();
            DataSpecException e = new DataSpecException(rule, values);
            Locale.setDefault(Locale.ENGLISH);
            assertThat(ProblemWords.say(e)).as(rule.key()).isEqualTo(e.getMessage());
            Locale.setDefault(Locale.KOREAN);
            assertThat(ProblemWords.say(e)).as(rule.key()).isNotEqualTo(e.getMessage()).doesNotContain("!data.");
            for (Object v : values) {
                assertThat(ProblemWords.say(e)).as(rule.key()).contains(v.toString());
            }
        }
    }

    /** A data description broken in a configuration file: the file, then the data rule, in Korean. */
    @Test
    void aDataDescriptionInAConfigurationFileIsSaidInKorean(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "{ \"data\": { \"kind\": \"spiral\", \"arms\": 3, \"n\": 2 } }");
        ConfigException e = catchThrowableOfType(() -> ConfigFiles.read(file), ConfigException.class);
        Locale.setDefault(Locale.ENGLISH);
        assertThat(ProblemWords.say(e)).isEqualTo(e.getMessage());
        Locale.setDefault(Locale.KOREAN);
        assertThat(ProblemWords.say(e)).isEqualTo(file + ": data: data.n은(는) data.arms (3) 이상이어야 합니다. 입력값: 2 (1번째 줄, 49번째 열)");
        DataSpecException fractions = catchThrowableOfType(() -> DataSpec.of("moons", null, null, null, null, null, null,
                null, new babysitter.data.SplitSettings(0.5, 0.5, true, null, null, null)), DataSpecException.class);
        assertThat(ProblemWords.say(fractions))
                .isEqualTo("data.devFraction + data.testFraction은(는) 1보다 작아야 합니다. 입력값: 0.5 + 0.5");
    }
}
