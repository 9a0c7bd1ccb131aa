package babysitter.ui.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import babysitter.i18n.Texts;
import babysitter.search.EarlyStopping;
import babysitter.search.EdgeWarning;
import babysitter.search.Method;
import babysitter.search.Param;
import babysitter.search.Round;
import babysitter.search.Search;
import babysitter.search.SearchSpace;
import babysitter.search.Settings;
import babysitter.search.TrialState;
import babysitter.search.importance.CourseOrder;
import babysitter.search.importance.Importance;
import babysitter.search.importance.Objective;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Search window speaks Korean as well as English: its texts come from the bundles, the round
 * origins and the rules' messages that are made elsewhere in English are said in the window's
 * language, numbers follow the reader's locale, and every key the window asks for exists.
 */
class SearchWordsTest {
    private static final Pattern HANGUL = Pattern.compile("[\\uAC00-\\uD7A3]");

    @TempDir
    Path tmp;
    private Locale before;

    @BeforeEach
    void remember() {
        before = Locale.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    private static void korean() {
        Locale.setDefault(Locale.KOREAN);
    }

    private SearchSpace spaceOf(Param p) throws Exception {
        return new SearchSpace(SearchSpace.parse(SearchViewModelTest.SPACE, "test space", tmp).base(), List.of(p));
    }

    private static boolean hangul(String s) {
        return HANGUL.matcher(s).find();
    }

    @Test
    void everyKeyTheWindowAsksForIsInTheBundles() throws IOException {
        Pattern key = Pattern.compile("\"(search\\.[A-Za-z0-9.]*[A-Za-z0-9])\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/babysitter/ui/search"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(150);
        for (Locale l : List.of(Locale.ENGLISH, Locale.KOREAN)) {
            assertThat(used).as("keys missing from the %s bundle", l)
                    .allMatch(k -> Texts.bundle(l).containsKey(k));
        }
    }

    @Test
    void theRulesOfTheFormAreSaidInKorean() {
        korean();
        assertThat(SearchTexts.trialsRule("abc", 1000)).contains("'abc'").contains("1부터 1000까지의 정수");
        assertThat(SearchTexts.trialsRule("0", 1000)).contains("'0'").contains("1 이상");
        assertThat(SearchTexts.trialsRule("", 1000)).startsWith("시행 수");
        assertThat(NewSearchViewModel.gridRule("1", null)).contains("'1'").contains("점 하나만");
        assertThat(NewSearchViewModel.gridCountText("3", null)).startsWith("축당 값 3개");
        NewSearchViewModel f = new NewSearchViewModel(tmp, java.time.Clock.systemUTC());
        f.epochsProperty().set("0");
        f.seedProperty().set("x");
        assertThat(f.spaceErrorProperty().get()).contains("space.json").matches(s -> hangul(s));
        assertThat(f.epochsErrorProperty().get()).isEqualTo("시행당 에폭은(는) 1부터 100000까지의 정수이어야 합니다. 입력값: '0'");
        assertThat(f.seedErrorProperty().get()).isEqualTo("시드은(는) 정수이어야 합니다. 입력값: 'x'");
    }

    @Test
    void trialsRoundsAndStatesAreSaidInKorean() throws Exception {
        korean();
        TrialRow running = new TrialRow(3, 0, TrialState.RUNNING, List.of(), 0.75, 2, new double[] {0.5, 0.75}, "",
                null, null);
        assertThat(running.stateText()).isEqualTo("실행 중 (에폭 2)");
        assertThat(running.bestText()).isEqualTo("0.750 (에폭 2)");
        assertThat(new TrialRow(4, 0, TrialState.STOPPED, List.of(), Double.NaN, -1, new double[0], "", null, null)
                .stateText()).isEqualTo("조기 종료됨");
        SearchSpace space = spaceOf(Param.log("learningRate", 1e-4, 1));
        Round grid = new Round(1, space, Method.GRID, 9, 3, RoundOrigins.top(3, 1));
        assertThat(SearchTexts.roundLine(grid, List.of())).isEqualTo("라운드 2 · 그리드, 축당 3개: 시행 0개 → 서로 다른 값: learningRate 0");
        assertThat(ParamAxis.label(Param.oneMinusLog("momentum", 0.9, 0.999))).isEqualTo("momentum (1 − momentum의 로그 축)");
    }

    @Test
    void theOriginsOfRoundsStayEnglishInTheFolderAndAreSaidInTheWindowsLanguage() throws Exception {
        Path spaceFile = tmp.resolve("space.json");
        Files.writeString(spaceFile, SearchViewModelTest.SPACE);
        Search s = Search.create(tmp.resolve("search"), SearchSpace.read(spaceFile), Method.RANDOM, 2, 0,
                new Settings(1, 1, EarlyStopping.none(), 1));
        String initial = s.rounds().get(0).origin();
        assertThat(initial).isEqualTo(RoundOrigins.INITIAL);
        String important = RoundOrigins.important(2, List.of("momentum=0.9", "batchSize=32"));
        assertThat(RoundOrigins.read(RoundOrigins.brushed(1))).contains(new RoundOrigins.Origin(RoundOrigins.Kind.BRUSHED, 1, 0, ""));
        assertThat(RoundOrigins.read(RoundOrigins.top(5, 3))).contains(new RoundOrigins.Origin(RoundOrigins.Kind.TOP, 3, 5, ""));
        assertThat(RoundOrigins.read(important))
                .contains(new RoundOrigins.Origin(RoundOrigins.Kind.IMPORTANT, 2, 0, "momentum=0.9, batchSize=32"));
        assertThat(RoundOrigins.read("zoomed by hand")).isEmpty();
        assertThat(RoundOrigins.read("top 99999999999 of round 1")).as("not a number of ours").isEmpty();

        // in English the window shows the origin as recorded
        assertThat(SearchTexts.origin(RoundOrigins.top(5, 3))).isEqualTo("top 5 of round 3");
        assertThat(SearchTexts.origin(important)).isEqualTo(important);
        korean();
        assertThat(SearchTexts.origin(initial)).isEqualTo("처음");
        assertThat(SearchTexts.origin(RoundOrigins.brushed(1))).isEqualTo("라운드 1에서 브러시로 고름");
        assertThat(SearchTexts.origin(RoundOrigins.top(5, 3))).isEqualTo("라운드 3의 상위 5개");
        assertThat(SearchTexts.origin(important)).isEqualTo("라운드 2의 중요한 것만, 고정: momentum=0.9, batchSize=32");
        assertThat(SearchTexts.origin("zoomed by hand")).as("an origin made elsewhere").isEqualTo("zoomed by hand");
    }

    @Test
    void anEdgeWarningIsSaidInKorean() throws Exception {
        korean();
        SearchSpace space = spaceOf(Param.log("learningRate", 1e-3, 0.1));
        Round r = new Round(0, space, Method.RANDOM, 4, 0, RoundOrigins.INITIAL);
        EdgeWarning w = new EdgeWarning("learningRate", Param.Edge.HIGH, 0.095, "in English");
        assertThat(SearchTexts.edgeWarning(w, r, 7)).isEqualTo(
                "learningRate: 최선 시행 (#7, learningRate = 0.095)이 범위 [0.001, 0.1]의 위쪽 끝에 있습니다: 범위를 줄이지 말고 넓히세요");
        EdgeWarning elsewhere = new EdgeWarning("units", Param.Edge.LOW, 4, "units: as the search words it");
        assertThat(SearchTexts.edgeWarning(elsewhere, r, 7)).as("a parameter the round lacks").isEqualTo(elsewhere.message());
    }

    /** Importance results of each kind the reading tells apart. */
    private static List<Importance> importances() {
        Objective o = Objective.DEV_ACCURACY;
        return List.of(
                new Importance(o, 3, List.of(), List.of(), Importance.Why.TOO_FEW),
                new Importance(o, 1, List.of(), List.of(), Importance.Why.TOO_FEW),
                new Importance(o, 12, List.of(), List.of(), Importance.Why.ALL_THE_SAME),
                new Importance(o, 40, List.of(new Importance.Share("learningRate", 0.7, 0.1),
                        new Importance.Share("momentum", 0.2, 0.1)), List.of(), Importance.Why.NONE),
                new Importance(o, 12, List.of(new Importance.Share("learningRate", 0.1, 0.1),
                        new Importance.Share("batchSize", 0.6, 0.1)), List.of(), Importance.Why.NONE),
                new Importance(o, 20, List.of(new Importance.Share("learningRate", 0.2, 0.1),
                        new Importance.Share("l2", 0.22, 0.1), new Importance.Share("momentum", 0.18, 0.1)), List.of(), Importance.Why.NONE),
                new Importance(o, 50, List.of(new Importance.Share("l2", 0.3, 0.1),
                        new Importance.Share("optimizer", 0.1, 0.1)), List.of(), Importance.Why.NONE),
                new Importance(o, 30, List.of(new Importance.Share("learningRate", 0.2, 0.1),
                        new Importance.Share("momentum", 0.2, 0.1)),
                        List.of(new Importance.PairShare("learningRate", "momentum", 0.5, 0.1)), Importance.Why.NONE),
                new Importance(o, 9, List.of(), List.of(), Importance.Why.NOTHING_SEARCHED),
                new Importance(Objective.DEV_COST, 9, List.of(), List.of(), Importance.Why.ALL_THE_SAME),
                new Importance(o, 9, List.of(), List.of(), Importance.Why.TREES_FOUND_NOTHING));
    }

    @Test
    void theImportanceReadingIsTheCommandLinesInEnglishAndKoreanInKorean() {
        Locale.setDefault(Locale.US);
        for (Importance imp : importances()) {
            assertThat(ImportanceReading.of(imp)).isEqualTo(CourseOrder.reading(imp));
        }
        korean();
        List<String> read = importances().stream().map(ImportanceReading::of).toList();
        assertThat(read).allMatch(SearchWordsTest::hangul);
        assertThat(read.get(0)).isEqualTo("아직 중요도가 없습니다: 끝난 시행 3개, 적어도 5개가 필요합니다.");
        assertThat(read.get(3)).isEqualTo("강의에서 말한 대로 α이(가) 가장 중요했습니다 (시행 40개).");
        assertThat(read.get(4)).isEqualTo("여기서는 미니배치 크기이(가) α보다 더 중요했습니다. 강의의 순서와 반대입니다 (시행 12개: 아직 불확실).");
        assertThat(read.get(5)).contains("L2 λ, α, β");
        assertThat(read.get(7)).contains("α와(과) β이(가) 함께");
        assertThat(read.get(8)).isEqualTo("아직 중요도가 없습니다: 탐색하는 하이퍼파라미터가 없습니다.");
        assertThat(read.get(9)).isEqualTo("아직 중요도가 없습니다: 끝난 시행의 최저 검증 비용이(가) 모두 같아서 설명할 것이 없습니다.");
        assertThat(read.get(10)).isEqualTo("아직 중요도가 없습니다: 트리가 설명할 것을 찾지 못했습니다.");
    }

    @Test
    void numbersFollowTheReadersLocale() {
        Locale.setDefault(Locale.ENGLISH);
        Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
        TrialRow done = new TrialRow(1, 0, TrialState.DONE, List.of(), 0.75, 2, new double[] {0.75}, "", null, null);
        assertThat(done.bestText()).isEqualTo("0,750 (e2)");
        assertThat(new ImportanceViewModel.Bar("learningRate", "α", 0.62, 0.08, 1).valueText()).isEqualTo("0,62 ± 0,08");
        Selection sel = new Selection();
        sel.brushObjective(0.8, 0.92);
        assertThat(sel.text(n -> null)).isEqualTo("Selection: best dev accuracy 0,800–0,920");
    }

    @Test
    void aLongAxisTitleIsSetSmallerAndKeptInsideItsScatter() {
        assertThat(ScatterCanvas.titleSize(150, 196)).isEqualTo(11);
        double size = ScatterCanvas.titleSize(260, 196);
        assertThat(size).isLessThan(11).isGreaterThanOrEqualTo(8);
        double width = 260 * size / 11;
        assertThat(width).isLessThanOrEqualTo(196);
        double centre = ScatterCanvas.titleCentre(width, 200, 46 + (200 - 58) / 2.0);
        assertThat(centre - width / 2).isGreaterThanOrEqualTo(0);
        assertThat(centre + width / 2).isLessThanOrEqualTo(200);
        assertThat(ScatterCanvas.titleCentre(40, 200, 117)).as("a short title stays under the plot").isEqualTo(117);
        assertThat(ScatterCanvas.titleSize(1000, 196)).as("never below 8").isEqualTo(8);
    }

    @Test
    void theClusterFieldsRulesAreSaidInKorean() {
        korean();
        ClusterForm f = new ClusterForm(tmp.resolve("home/cluster.properties"), r -> { }, Runnable::run, spec -> null);
        f.onClusterProperty().set(true);
        assertThat(f.errorProperty().get()).isEqualTo("멤버: host나 host:port로 멤버를 하나 이상 적으세요");
        f.membersProperty().set("127.0.0.1:5701, 127.0.0.1:99999");
        assertThat(f.errorProperty().get()).isEqualTo("'127.0.0.1:99999': 포트 '99999'이(가) 1과 65535 사이가 아닙니다");
        f.membersProperty().set("a b");
        assertThat(f.errorProperty().get()).isEqualTo("'a b'은(는) host나 host:port가 아닙니다 (IPv4 또는 호스트 이름)");
        f.membersProperty().set("127.0.0.1");
        f.nameProperty().set("my lab");
        assertThat(f.errorProperty().get()).startsWith("클러스터 'my lab': ");
        f.nameProperty().set("lab");
        f.slotsProperty().set("-1");
        assertThat(f.errorProperty().get()).contains("'-1'").contains("0 (조정만)");
        f.slotsProperty().set("1");
        f.bindProperty().set("10.0.0.5");
        assertThat(f.errorProperty().get()).startsWith("이 컴퓨터의 주소 10.0.0.5은(는) 루프백 주소가 아닙니다");
        f.secretFileProperty().set(tmp.resolve("lab.secret").toString());
        assertThatThrownBy(f::choice).isInstanceOf(ClusterForm.InvalidChoice.class);
        assertThat(f.problemProperty().get()).startsWith(tmp.resolve("lab.secret") + ": 그런 비밀 파일이 없습니다")
                .contains("base64 > lab.secret");
        assertThat(f.clusterTextProperty().get()).isEqualTo("클러스터 lab");
    }

    @Test
    void inEnglishTheClusterRulesReadAsTheyAlwaysDidWithTheFormsFieldNames() throws Exception {
        Locale.setDefault(Locale.US);
        for (String m : List.of("--cluster 'my lab': a name of 1 to 64 letters, digits, '.', '-' or '_'",
                "--members: name at least one member, host or host:port",
                "--bind 10.0.0.5 is not a loopback address: a member reachable from other machines needs the cluster"
                        + " secret (--secret-file FILE)",
                "'a b' is not host or host:port (IPv4 or a host name)",
                "'h:0': port '0' is not between 1 and 65535",
                "--bind: port 0 is not between 1 and 65535")) {
            assertThat(ClusterFormMessages.rule(m)).isEqualTo(m.replace("--cluster", "Cluster").replace("--members", "Members")
                    .replace("--bind", "This computer's address").replace("(--secret-file FILE)", "(a secret file)"));
        }
        Path missing = tmp.resolve("lab.secret");
        try {
            babysitter.search.cluster.ClusterSecret.read(missing);
        } catch (java.nio.file.NoSuchFileException e) {
            assertThat(ClusterFormMessages.secretFile(missing, e)).isEqualTo(e.getMessage());
        }
    }

    /** The Alert of a search folder that cannot be opened says why in the window's language. */
    @Test
    void aSearchFolderThatCannotBeOpenedIsExplainedInKorean() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Exception none = catchThrowableOfType(() -> Search.open(empty), Exception.class);
        Path damaged = Files.createDirectories(tmp.resolve("damaged"));
        Files.writeString(damaged.resolve(Search.SEARCH_JSON), "{\"settings\": [1,\n");
        Exception broken = catchThrowableOfType(() -> Search.open(damaged), Exception.class);
        Path spaceFile = tmp.resolve("space.json");
        Files.writeString(spaceFile, SearchViewModelTest.SPACE);
        Path dir = tmp.resolve("search");
        try (Search running = Search.create(dir, SearchSpace.read(spaceFile), Method.RANDOM, 2, 0,
                new Settings(1, 1, EarlyStopping.none(), 1))) {
            Exception inUse = catchThrowableOfType(() -> Search.open(dir), Exception.class);
            korean();
            assertThat(SearchTexts.openProblem(none)).isEqualTo("여기에는 탐색이 없습니다: 폴더에 search.json이(가) 없습니다.");
            assertThat(SearchTexts.openProblem(broken)).startsWith(damaged.resolve(Search.SEARCH_JSON) + ": ")
                    .contains("올바른 JSON이 아닙니다").contains("JSON 값이 끝나기 전에 텍스트가 끝납니다");
            assertThat(SearchTexts.openProblem(inUse)).isEqualTo(dir + "은(는) 이 프로그램(프로세스 "
                    + ProcessHandle.current().pid() + ")이 쓰고 있습니다. 그쪽에서 먼저 닫으세요");
            Locale.setDefault(Locale.ENGLISH);
            assertThat(SearchTexts.openProblem(inUse)).isEqualTo(inUse.getMessage());
            assertThat(SearchTexts.openProblem(broken)).isEqualTo(broken.getMessage());
        }
    }
}
