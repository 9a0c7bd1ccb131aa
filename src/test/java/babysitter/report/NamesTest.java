package babysitter.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import babysitter.engine.LrDecay;
import babysitter.engine.optim.OptimizerKind;
import babysitter.session.live.Pace;
import babysitter.store.BadFileException;
import babysitter.store.JsonRule;
import babysitter.store.RunColumn;
import babysitter.store.RunCurves;
import babysitter.store.RunFilter;
import babysitter.store.RunReader;
import babysitter.store.RunSummary;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's names for what the session and the store say in English. */
class NamesTest {
    private static final Locale KO = Locale.KOREAN;
    private static final Locale EN = Locale.ENGLISH;
    private Locale before;

    @BeforeEach
    void remember() {
        before = Locale.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    /** A Runs filter that cannot be read is said in the window's language; in English it is the command line's message. */
    @Test
    void filterProblemsInKoreanAndInTheCommandLinesEnglish() {
        String[] terms = {"colour=red", "dev-acc>", "data>3", "dev-acc>high"};
        String[] korean = {
            "필터 'colour=red': 'colour' 열이 없습니다. 열: " + RunColumn.keys(),
            "필터 'dev-acc>': '>' 뒤에 값이 있어야 합니다",
            "필터 'data>3': data은(는) 글자 열입니다. = 또는 !=로 비교하세요",
            "필터 'dev-acc>high': dev-acc은(는) 숫자 열인데 'high'은(는) 숫자가 아닙니다"};
        for (int i = 0; i < terms.length; i++) {
            String term = terms[i];
            RunFilter.BadFilter problem = catchThrowableOfType(() -> RunFilter.parse(term), RunFilter.BadFilter.class);
            assertThat(problem).as(term).isNotNull();
            Locale.setDefault(KO);
            assertThat(Names.filterProblem(problem)).isEqualTo(korean[i]);
            Locale.setDefault(EN);
            assertThat(Names.filterProblem(problem)).isEqualTo(problem.getMessage());
        }
    }

    /** Every JSON rule is found again in its sentence and said in Korean; in English as the command line says it. */
    @Test
    void jsonRulesInKoreanAndInTheCommandLinesEnglish() {
        for (JsonRule rule : JsonRule.values()) {
            String sentence = rule.english("'x'");
            assertThat(JsonRule.read(sentence)).as(rule.name()).map(JsonRule.Found::rule).contains(rule);
            Locale.setDefault(EN);
            assertThat(Names.jsonRule(sentence)).as(rule.name()).isEqualTo(sentence);
            Locale.setDefault(KO);
            assertThat(Names.jsonRule(sentence)).as(rule.name()).isNotEqualTo(sentence).doesNotContain("!store.");
            if (sentence.contains("'x'")) {
                assertThat(Names.jsonRule(sentence)).as(rule.name()).contains("'x'");
            }
        }
        Locale.setDefault(KO);
        assertThat(Names.jsonRule(JsonRule.ENDS_EARLY.english()))
                .isEqualTo("JSON 값이 끝나기 전에 텍스트가 끝납니다 ('}', ']', '\"'가 빠졌나요?)");
        assertThat(Names.jsonRule(JsonRule.COMMA_BEFORE_BRACE.english()))
                .isEqualTo("'}' 앞에 ','가 있습니다 (JSON은 끝 쉼표를 허용하지 않습니다)");
        assertThat(Names.jsonRule("Cannot deserialize value of type `int`")).as("other words stay as they are")
                .isEqualTo("Cannot deserialize value of type `int`");
    }

    @Test
    void durationsInKoreanAndInTheCommandLinesEnglishRoundAsAPersonWouldSayThem() {
        assertThat(Names.duration(5, KO)).isEqualTo("5초");
        assertThat(Names.duration(75, KO)).isEqualTo("1분 15초");
        assertThat(Names.duration(3660, KO)).isEqualTo("1시간 1분");
        assertThat(Names.duration(0.4, EN)).isEqualTo("0 s");
        assertThat(Names.duration(59.4, EN)).isEqualTo("59 s");
        assertThat(Names.duration(59.6, EN)).isEqualTo("1 min 0 s");
        assertThat(Names.duration(3599, EN)).isEqualTo("59 min 59 s");
        assertThat(Names.duration(3600, EN)).isEqualTo("1 h 0 min");
        assertThat(Names.duration(2 * 3600 + 61, EN)).isEqualTo("2 h 1 min");
        assertThat(Names.duration(90061, EN)).isEqualTo("25 h 1 min");
    }

    @Test
    void pacesByName() {
        assertThat(Names.pace(Pace.FASTEST, KO)).isEqualTo("최고 속도");
        assertThat(Names.pace(Pace.EPOCH_BY_EPOCH, KO)).isEqualTo("에폭마다 멈춤");
        assertThat(Names.pace(Pace.WATCHABLE, KO)).isEqualTo("초당 5 에폭");
        // English as the pace says itself (the events record that text)
        for (Pace p : new Pace[] {Pace.FASTEST, Pace.EPOCH_BY_EPOCH, Pace.WATCHABLE, new Pace(1), new Pace(2.5)}) {
            assertThat(Names.pace(p, EN)).isEqualTo(p.toString());
        }
    }

    @Test
    void settingsKeepTheirProperNamesAndTheRestIsTranslated() {
        assertThat(Names.optimizer(OptimizerKind.ADAM, KO)).isEqualTo("Adam");
        assertThat(Names.optimizer(OptimizerKind.RMSPROP, KO)).isEqualTo("RMSprop");
        assertThat(Names.optimizer(OptimizerKind.MOMENTUM, KO)).isEqualTo("모멘텀");
        assertThat(Names.decay(LrDecay.STAIRCASE, KO)).isEqualTo("계단");
        assertThat(Names.source("plateau", KO)).isEqualTo("정체");
        assertThat(Names.source("from-a-newer-program", KO)).as("unknown: as recorded").isEqualTo("from-a-newer-program");
        assertThat(Names.source("", KO)).isEmpty();
    }

    @Test
    void theRunsLibrarySpeaksTheWindowsLanguage() {
        Locale.setDefault(Locale.KOREA);
        assertThat(Names.column(RunColumn.DEV_ACC)).isEqualTo("최고 검증 정확도");
        assertThat(Names.column(RunColumn.ALPHA)).isEqualTo("α");
        assertThat(Names.runState(RunSummary.State.RUNNING_ELSEWHERE)).isEqualTo("다른 곳에서 실행 중");
        assertThat(Names.metric(RunCurves.Metric.DEV_COST_BATCH_STATS)).isEqualTo("검증 비용 (배치 통계)");
        assertThat(Names.xAxis(RunCurves.XAxis.SECONDS)).isEqualTo("초");
        assertThat(Names.dataKind("spiral")).isEqualTo("나선");
        Locale.setDefault(Locale.US);
        for (RunColumn c : RunColumn.values()) {
            assertThat(Names.column(c)).as(c.key()).isEqualTo(c.header());
        }
        for (RunSummary.State s : RunSummary.State.values()) {
            assertThat(Names.runState(s)).isEqualTo(s.label());
        }
        for (RunCurves.Metric m : RunCurves.Metric.values()) {
            assertThat(Names.metric(m)).isEqualTo(m.label());
        }
        for (RunCurves.XAxis x : RunCurves.XAxis.values()) {
            assertThat(Names.xAxis(x)).isEqualTo(x.label());
        }
    }

    @Test
    void aRunsCellsInKoreanAndAsTheCommandLinePrintsThemInEnglish(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root)
            throws Exception {
        babysitter.store.FakeRuns.run(root, "a", "spiral", "rmsprop", 0.02, 0.9, 3, "finished", 1_700_000_000L, 0.9);
        babysitter.store.RunLibrary.Entry run = new babysitter.store.RunLibrary().list(java.util.List.of(root)).runs()
                .get(0);
        Locale.setDefault(Locale.KOREA);
        assertThat(Names.cell(RunColumn.STATE, run)).isEqualTo("완료");
        assertThat(Names.cell(RunColumn.DATA, run)).isEqualTo("나선");
        assertThat(Names.cell(RunColumn.OPTIMIZER, run)).isEqualTo("RMSprop");
        assertThat(Names.cell(RunColumn.WALL, run)).endsWith("초");
        assertThat(Names.cell(RunColumn.NAME, run)).isEqualTo("a");
        Locale.setDefault(Locale.US);
        assertThat(Names.cell(RunColumn.STATE, run)).isEqualTo(RunColumn.STATE.text(run));
        assertThat(Names.cell(RunColumn.WALL, run)).isEqualTo(RunColumn.WALL.text(run));
        assertThat(Names.wallTime(0.42)).isEqualTo("0.4 s");
        assertThat(Names.wallTime(65)).isEqualTo("1 min 05 s");
        assertThat(Names.wallTime(3725)).isEqualTo("1 h 02 min");
        Locale.setDefault(Locale.KOREA);
        assertThat(Names.wallTime(65)).isEqualTo("1분 05초");
    }

    @Test
    void aRunFolderThatCannotBeReadIsSaidInTheWindowsLanguageAndInEnglishAsBefore(@TempDir Path tmp) throws Exception {
        Path missing = tmp.resolve("gone");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        BadFileException gone = catchThrowableOfType(() -> RunReader.read(missing), BadFileException.class);
        BadFileException notFolder = catchThrowableOfType(() -> RunReader.read(file), BadFileException.class);
        BadFileException noRunJson = catchThrowableOfType(() -> RunReader.read(empty), BadFileException.class);
        assertThat(gone).hasMessage(missing + ": no such run folder");
        assertThat(notFolder).hasMessage(file + " is a file, not a run folder");
        assertThat(noRunJson).hasMessage(empty + " is not a run folder: " + empty.resolve("run.json") + " is missing");
        Locale.setDefault(Locale.KOREA);
        assertThat(Names.storeError(gone)).isEqualTo(missing + ": 그런 실행 폴더가 없습니다");
        assertThat(Names.storeError(notFolder)).isEqualTo(file + "은(는) 파일이지 실행 폴더가 아닙니다");
        assertThat(Names.storeError(new UncheckedIOException(noRunJson.getMessage(), noRunJson)))
                .isEqualTo(empty + "은(는) 실행 폴더가 아닙니다: " + empty.resolve("run.json") + "이(가) 없습니다");
        // a problem known only in words, and another error, keep their own words
        assertThat(Names.storeError(new BadFileException(file, "", file + ": line 1: bad"))).isEqualTo(file + ": line 1: bad");
        assertThat(Names.storeError(new IllegalStateException("boom"))).isEqualTo("boom");
        Locale.setDefault(Locale.US);
        assertThat(Names.storeError(gone)).isEqualTo(gone.getMessage());
    }

    @Test
    void aRunJsonThatIsNotJsonIsSaidWithTheRuleItBreaksInTheWindowsLanguage(@TempDir Path tmp) throws Exception {
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("run.json"), "{ not json");
        BadFileException e = catchThrowableOfType(() -> RunReader.read(broken), BadFileException.class);
        Path file = broken.resolve("run.json");
        assertThat(e).hasMessage(file + ": not valid JSON: expected a key in double quotes, found 'n' (line 1, column 3)");
        Locale.setDefault(Locale.US);
        assertThat(Names.storeError(e)).isEqualTo(e.getMessage());
        Locale.setDefault(Locale.KOREA);
        assertThat(Names.storeError(e))
                .isEqualTo(file + ": 올바른 JSON이 아닙니다: 큰따옴표로 감싼 키가 있어야 하는데 'n'입니다 (1번째 줄, 3번째 열)");
    }
}
