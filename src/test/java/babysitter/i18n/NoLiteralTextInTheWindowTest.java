package babysitter.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No words for a person as string literals in the window's packages and the report: they come from
 * the message bundles. The scan reads the sources (see {@link LiteralScan} for what counts as words).
 */
class NoLiteralTextInTheWindowTest {

    /** The packages whose texts come from the bundles; the scan covers each of them. */
    static final List<String> COVERED = List.of("babysitter/ui", "babysitter/ui/main",
            "babysitter/ui/setup", "babysitter/ui/monitor", "babysitter/ui/controls", "babysitter/ui/app",
            "babysitter/ui/fx", "babysitter/ui/library", "babysitter/ui/siblings", "babysitter/ui/network",
            "babysitter/ui/classes", "babysitter/ui/regions", "babysitter/ui/samples", "babysitter/ui/surface",
            "babysitter/ui/chart", "babysitter/ui/search");

    /**
     * Classes of the covered packages that write files and show nothing: their names (JSON fields,
     * parameter names) stay the same in every language.
     */
    static final List<String> FILE_WRITERS = List.of("babysitter/ui/library/SearchAround.java",
            "babysitter/ui/search/RoundOrigins.java");

    @Test
    void theCoveredPackagesHoldNoLiteralWords() throws IOException {
        List<LiteralScan.Finding> found = new ArrayList<>();
        for (String pkg : COVERED) {
            Path dir = Path.of("src/main/java", pkg);
            assertThat(dir).isDirectory();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> FILE_WRITERS.stream().noneMatch(w -> p.endsWith(w))).sorted().toList()) {
                    found.addAll(LiteralScan.scan(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
                }
            }
        }
        assertThat(found).as("texts a person reads, written as literals instead of bundle keys").isEmpty();
    }

    @Test
    void aNewLiteralLabelIsFound() {
        String source = """
                class X {
                    void build() {
                        Label a = new Label("Learning rate");
                        Label b = new Label("epoch");
                        Button c = Buttons.button("stepButton", "Step", "one mini-batch", this::step);
                        String d = "Hints: " + hints;
                        status.set(running ? "running" : "paused");
                        menu.setText("학습률");
                        status = new ReadOnlyStringWrapper(this, "status", "Set up a run");
                    }
                }
                """;
        assertThat(LiteralScan.scan("X.java", source)).extracting(LiteralScan.Finding::literal)
                .containsExactly("Learning rate", "epoch", "Step", "one mini-batch", "Hints: ", "running", "paused",
                        "학습률", "Set up a run");
    }

    @Test
    void codeShapedLiteralsAreLeftAlone() {
        String source = """
                class X {
                    // a comment with "Quoted words" in it
                    private static final Logger LOG = LoggerFactory.getLogger(X.class);
                    void build() {
                        l.getStyleClass().add("hint");
                        l.setId("setupPanelItem");
                        LOG.warn("could not read {}", file);
                        Label a = new Label(Texts.get("main.status.ready", n));
                        item.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
                        String css = getClass().getResource("/babysitter/ui/babysitter.css").toExternalForm();
                        throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
                        String s = "α = " + alpha + " → β";
                        char q = '"';
                        String t = "%.3f";
                        status = new ReadOnlyStringWrapper(this, "status", "");
                        errors.put(f, new ReadOnlyStringWrapper(bean, f + "Error", ""));
                        if ("idx".equals(kind)) {
                            layers.set("32 relu bn, 16 tanh");
                        }
                    }

                    @Override
                    public String toString() {
                        return "Run[" + steps + " steps]";
                    }
                }
                """;
        assertThat(LiteralScan.scan("X.java", source)).isEmpty();
    }
}
