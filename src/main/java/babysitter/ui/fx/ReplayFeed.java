package babysitter.ui.fx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The reports a tool window (network view, classes, samples) is fed from, on the JavaFX thread: the
 * main window publishes each report once; a window that subscribes to a kind first gets the kept
 * ones of that kind (so a window opened mid-run is not empty), then every new one, and is told when
 * another run is shown. Toolkit free.
 */
public final class ReplayFeed {
    private record Rule(int max, ToIntFunction<Object> branchOf) {
    }

    private record Subscription(Class<?> kind, Consumer<Object> listener, Runnable onReset) {
    }

    private final Map<Class<?>, Rule> rules = new HashMap<>();
    private final Map<Class<?>, Deque<Object>> kept = new HashMap<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /**
     * Keeps the newest {@code max} reports of {@code kind}; with {@code branchOf}, only those of the
     * newest report's branch (a report of another branch starts over).
     */
    @SuppressWarnings("unchecked")
    public <R> ReplayFeed keep(Class<R> kind, int max, ToIntFunction<R> branchOf) {
        rules.put(kind, new Rule(max, branchOf == null ? null : o -> branchOf.applyAsInt((R) o)));
        kept.put(kind, new ArrayDeque<>());
        return this;
    }

    /** A report for the windows: kept if its kind is, and passed to the subscribers of its kind. */
    public void publish(Object report) {
        Rule rule = rules.get(report.getClass());
        if (rule != null) {
            Deque<Object> list = kept.get(report.getClass());
            if (rule.branchOf() != null && !list.isEmpty()
                    && rule.branchOf().applyAsInt(list.peekLast()) != rule.branchOf().applyAsInt(report)) {
                list.clear();
            }
            list.addLast(report);
            while (list.size() > rule.max()) {
                list.removeFirst();
            }
        }
        for (Subscription s : subscriptions) {
            if (s.kind().isInstance(report)) {
                s.listener().accept(report);
            }
        }
    }

    /** Another run is shown: the kept reports go, and every subscriber forgets the previous run's. */
    public void reset() {
        kept.values().forEach(Deque::clear);
        subscriptions.forEach(s -> s.onReset().run());
    }

    /** The kept reports of {@code kind}, oldest first. */
    public <R> List<R> kept(Class<R> kind) {
        Deque<Object> list = kept.get(kind);
        List<R> out = new ArrayList<>();
        if (list != null) {
            list.forEach(o -> out.add(kind.cast(o)));
        }
        return out;
    }

    /**
     * Gives {@code listener} the kept reports of {@code kind}, then every new one; {@code onReset}
     * runs when another run is shown. Running the returned action ends the subscription.
     */
    public <R> Runnable subscribe(Class<R> kind, Consumer<? super R> listener, Runnable onReset) {
        Objects.requireNonNull(listener);
        kept(kind).forEach(listener);
        Subscription s = new Subscription(kind, o -> listener.accept(kind.cast(o)), Objects.requireNonNull(onReset));
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }
}
