package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.search.cluster.ClusterStatus;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Search window's view of the cluster its trials run on: a line with the members, the slots
 * busy and free and the trials per hour; the member that ran each trial (the table's "member"
 * column); and the cluster's events (a member joined or left, a trial went back to the queue), the
 * newest last. The coordinator's status is read once a second on a thread of its own and handed to
 * the {@code fx} executor, so the window never waits for the cluster. Toolkit light.
 */
public final class ClusterLine {
    /** Events kept (the oldest go first). */
    public static final int MAX_EVENTS = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Executor fx;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastEvent = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper();
    private final ObservableList<String> events = FXCollections.observableArrayList();
    private final Map<Integer, String> members = new HashMap<>();
    private ScheduledExecutorService poller;
    private String name = "";

    /** @param fx runs on the JavaFX thread ({@code Platform::runLater} in the application) */
    public ClusterLine(Executor fx, Clock clock) {
        this.fx = Objects.requireNonNull(fx);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A cluster event, from any thread: shown with the time it came. */
    public void event(String line) {
        String stamped = TIME.format(clock.instant().atZone(ZoneId.systemDefault())) + "  " + line;
        fx.execute(() -> {
            events.add(stamped);
            if (events.size() > MAX_EVENTS) {
                events.remove(0, events.size() - MAX_EVENTS);
            }
            lastEvent.set(stamped);
        });
    }

    /**
     * The search runs on the cluster {@code name} now; its status is read from {@code status} once a
     * second until {@link #detach}. Called from the thread that joined the cluster.
     */
    public synchronized void attach(String name, Supplier<ClusterStatus> status) {
        stopPolling();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "search-cluster-status");
            t.setDaemon(true);
            return t;
        });
        fx.execute(() -> {
            this.name = name;
            active.set(true);
            text.set(Texts.get("search.cluster.joined", name));
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                ClusterStatus s = status.get();
                fx.execute(() -> update(s));
            } catch (RuntimeException e) {
                // the coordinator is leaving; detach() follows
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    /**
     * The search leaves the cluster (it stopped), having seen it {@code last} (or null): the members
     * of the trials stay in the table.
     */
    public synchronized void detach(ClusterStatus last) {
        stopPolling();
        fx.execute(() -> {
            if (last != null) {
                update(last);
            }
            text.set(Texts.get("search.cluster.left", name));
        });
    }

    private void stopPolling() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    /** Shows one status (on the fx thread). */
    void update(ClusterStatus s) {
        name = s.name();
        active.set(true);
        int n = s.members().size();
        double perHour = s.trialsPerHour();
        text.set(Texts.get("search.cluster.line", s.name(), n, roles(s.members()), s.busy(), s.free(),
                Double.isFinite(perHour) ? Texts.get("search.cluster.perHour", perHour)
                        : Texts.get("search.cluster.noTrialEnded")));
        // a later run (Resume, the next round) joins afresh: the trials of earlier runs keep their members
        boolean changed = false;
        for (Map.Entry<Integer, String> e : s.trialMembers().entrySet()) {
            changed |= !e.getValue().equals(members.put(e.getKey(), e.getValue()));
        }
        if (changed) {
            version.set(version.get() + 1);
        }
    }

    /** "this computer + 2 workers" */
    private static String roles(List<ClusterStatus.MemberInfo> ms) {
        long workers = ms.stream().filter(m -> !m.self() && m.role().equals("worker")).count();
        long others = ms.stream().filter(m -> !m.self() && !m.role().equals("worker")).count();
        StringBuilder b = new StringBuilder(Texts.get("search.cluster.thisComputer"));
        if (workers > 0) {
            b.append(Texts.get("search.cluster.workers", workers));
        }
        if (others > 0) {
            b.append(Texts.get("search.cluster.others", others));
        }
        return b.toString();
    }

    /** The member that ran (or runs) trial {@code id}, "" when not known (it ran here before, or not yet). */
    public String memberOf(int id) {
        String member = members.getOrDefault(id, "");
        return switch (member) {
            case ClusterStatus.HERE -> Texts.get("search.cluster.thisComputer");
            case ClusterStatus.GONE -> Texts.get("search.cluster.memberGone");
            default -> member;
        };
    }

    /** Whether this search has run on a cluster since the window opened (the line and column show). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** "cluster lab · 3 members (this computer + 2 workers) · slots 2 busy, 1 free · 41 trials per hour" */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The newest event ("" before the first). */
    public ReadOnlyStringProperty lastEventProperty() {
        return lastEvent.getReadOnlyProperty();
    }

    /** Every event kept, the newest last. */
    public ObservableList<String> events() {
        return FXCollections.unmodifiableObservableList(events);
    }

    /** Changes when the members of the trials change (the table redraws its member column). */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }
}
