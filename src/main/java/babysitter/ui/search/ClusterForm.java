package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.search.cluster.ClusterProbe;
import babysitter.search.cluster.ClusterSecret;
import babysitter.search.cluster.ClusterSpec;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Run on" part of New search: this computer, or a cluster named by its name, the members to
 * join (host[:port], comma-separated), the secret file, this computer's address in the cluster
 * (optional, loopback when empty) and the trials this computer trains itself (0: only coordinate).
 * What was typed is remembered between uses (in {@code ~/.babysitter/cluster.properties}: the
 * secret file's path, never the secret). "Look up" joins the cluster for a moment in the background
 * and the choice then reads "cluster lab (2 members, 3 slots)". Toolkit light.
 */
public final class ClusterForm {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterForm.class);
    /** The most trials this computer may train at once. */
    static final int MAX_SLOTS = 64;

    /** What a search on a cluster needs: how to join, and the trials this computer trains. */
    public record Choice(ClusterSpec spec, int slots) {
    }

    private final Path memory;
    private final Executor background;
    private final Executor fx;
    private final Function<ClusterSpec, ClusterProbe.Found> probe;
    private final BooleanProperty onCluster = new SimpleBooleanProperty(false);
    private final StringProperty name = new SimpleStringProperty("lab");
    private final StringProperty members = new SimpleStringProperty("");
    private final StringProperty secretFile = new SimpleStringProperty("");
    private final StringProperty bind = new SimpleStringProperty("");
    private final StringProperty slots = new SimpleStringProperty("1");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper found = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper clusterText = new ReadOnlyStringWrapper("");
    /** Counts look-ups, so that only the latest one's answer is shown. */
    private int lookUps;

    /**
     * @param memory     where the fields are remembered (a properties file; read now)
     * @param background runs a look-up (it blocks for seconds)
     * @param fx         runs on the JavaFX thread
     * @param probe      joins, counts and leaves ({@link ClusterProbe#look} in the application)
     */
    public ClusterForm(Path memory, Executor background, Executor fx, Function<ClusterSpec, ClusterProbe.Found> probe) {
        this.memory = Objects.requireNonNull(memory);
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
        this.probe = Objects.requireNonNull(probe);
        recall();
        error.bind(Bindings.createStringBinding(() -> rule(onCluster.get()), onCluster, name, members, bind, slots, secretFile));
        clusterText.bind(Bindings.createStringBinding(() -> {
            String shown = name.get().isBlank() ? "…" : name.get().trim();
            return found.get().isEmpty() ? Texts.get("search.cluster.choice", shown)
                    : Texts.get("search.cluster.choiceFound", shown, found.get());
        }, name, found));
        for (StringProperty p : List.of(name, members, secretFile, bind)) {
            p.addListener((o, a, b) -> {
                found.set("");
                problem.set("");
            });
        }
    }

    /** The fields remembered in {@code ~/.babysitter/cluster.properties}. */
    public static Path defaultMemory() {
        return Path.of(System.getProperty("babysitter.home", System.getProperty("user.home")), ".babysitter",
                "cluster.properties");
    }

    /** "" when the cluster fields make sense (or they do not count), else what is wrong. */
    private String rule(boolean counts) {
        if (!counts) {
            return "";
        }
        String s = slots.get().trim();
        try {
            int n = Integer.parseInt(s);
            if (n < 0 || n > MAX_SLOTS) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            return Texts.get("search.cluster.slotsRule", MAX_SLOTS, s);
        }
        try {
            ClusterSpec.of(name.get().trim(), memberList(), bind.get().trim(),
                    secretFile.get().isBlank() ? null : ClusterSecret.of(new byte[ClusterSecret.MIN_BYTES]));
            return "";
        } catch (IllegalArgumentException e) {
            return ClusterFormMessages.rule(e.getMessage());
        }
    }

    private List<String> memberList() {
        return Arrays.stream(members.get().split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    /**
     * The cluster to run on, its secret read now; empty when the search runs on this computer or
     * something is wrong (then {@link #errorProperty()} says what, naming the secret file).
     */
    public Optional<Choice> choice() throws InvalidChoice {
        problem.set("");
        try {
            return onCluster.get() ? Optional.of(build()) : Optional.empty();
        } catch (InvalidChoice e) {
            problem.set(e.getMessage());
            throw e;
        }
    }

    private Choice build() throws InvalidChoice {
        String wrong = rule(true);
        if (!wrong.isEmpty()) {
            throw new InvalidChoice(wrong);
        }
        ClusterSecret secret = null;
        if (!secretFile.get().isBlank()) {
            Path file = Path.of(secretFile.get().trim());
            try {
                secret = ClusterSecret.read(file);
            } catch (IOException | IllegalArgumentException e) {
                throw new InvalidChoice(ClusterFormMessages.secretFile(file, e));
            }
        }
        try {
            return new Choice(ClusterSpec.of(name.get().trim(), memberList(), bind.get().trim(), secret),
                    Integer.parseInt(slots.get().trim()));
        } catch (IllegalArgumentException e) {
            throw new InvalidChoice(ClusterFormMessages.rule(e.getMessage()));
        }
    }

    /** The cluster fields cannot be used; the message names the field or file and the rule. */
    public static final class InvalidChoice extends Exception {
        InvalidChoice(String message) {
            super(message);
        }
    }

    /** Joins the cluster for a moment in the background; the choice's text then counts its members. */
    public void lookUp() {
        Choice c;
        try {
            c = build();
        } catch (InvalidChoice e) {
            found.set(Texts.get("search.cluster.cannotLook", e.getMessage()));
            return;
        }
        int mine = ++lookUps;
        found.set(Texts.get("search.cluster.looking"));
        background.execute(() -> {
            String text;
            try {
                ClusterProbe.Found f = probe.apply(c.spec());
                text = f.refusal() != null ? ClusterEventWords.refusal(f.refusal())
                        : f.members() == 0 ? Texts.get("search.cluster.nobody", String.join(", ", c.spec().members()))
                        : Texts.get("search.cluster.found", f.members(), f.slots());
            } catch (RuntimeException e) {
                text = Texts.get("search.cluster.lookUpFailed", e.getMessage());
            }
            String shown = text;
            fx.execute(() -> {
                if (mine == lookUps) {
                    found.set(shown);
                }
            });
        });
    }

    /** Keeps the fields for the next New search (a failure to write is logged, never shown). */
    public void remember() {
        Properties p = new Properties();
        p.setProperty("onCluster", Boolean.toString(onCluster.get()));
        p.setProperty("name", name.get());
        p.setProperty("members", members.get());
        p.setProperty("secretFile", secretFile.get());
        p.setProperty("bind", bind.get());
        p.setProperty("slots", slots.get());
        try {
            Files.createDirectories(memory.getParent());
            try (Writer w = Files.newBufferedWriter(memory, StandardCharsets.UTF_8)) {
                p.store(w, null);
            }
        } catch (IOException e) {
            LOG.warn("could not remember the cluster fields in {}: {}", memory, e.getMessage());
        }
    }

    private void recall() {
        if (!Files.isRegularFile(memory)) {
            return;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(memory, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("could not read the cluster fields in {}: {}", memory, e.getMessage());
            return;
        }
        onCluster.set(Boolean.parseBoolean(p.getProperty("onCluster", "false")));
        name.set(p.getProperty("name", name.get()));
        members.set(p.getProperty("members", ""));
        secretFile.set(p.getProperty("secretFile", ""));
        bind.set(p.getProperty("bind", ""));
        slots.set(p.getProperty("slots", slots.get()));
    }

    /** Run on a cluster (true) or this computer (false, the default). */
    public BooleanProperty onClusterProperty() {
        return onCluster;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** Members to join: host[:port], comma-separated. */
    public StringProperty membersProperty() {
        return members;
    }

    public StringProperty secretFileProperty() {
        return secretFile;
    }

    /** This computer's address in the cluster, address[:port] ("": loopback). */
    public StringProperty bindProperty() {
        return bind;
    }

    /** Trials this computer trains at once (0: only coordinate). */
    public StringProperty slotsProperty() {
        return slots;
    }

    /** What is wrong with the cluster fields ("" when nothing, or when the search runs here). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Why the last {@link #choice()} failed, e.g. the secret file cannot be read ("" when it did not). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "cluster lab (2 members, 3 slots)", "cluster lab (looking …)", "cluster lab" before a look-up. */
    public ReadOnlyStringProperty clusterTextProperty() {
        return clusterText.getReadOnlyProperty();
    }
}
