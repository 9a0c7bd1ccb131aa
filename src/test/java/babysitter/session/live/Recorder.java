package babysitter.session.live;

import babysitter.session.configuration.Rules;
import babysitter.session.reports.Report;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A fast session listener for tests: it only appends each report to a list and wakes waiters.
 * Waiting is on conditions with a deadline, never a fixed sleep.
 */
public final class Recorder implements Consumer<Report> {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final List<Report> reports = new ArrayList<>();

    @Override
    public synchronized void accept(Report r) {
        reports.add(r);
        notifyAll();
    }

    synchronized int size() {
        return reports.size();
    }

    synchronized List<Report> all() {
        return List.copyOf(reports);
    }

    synchronized List<Report> from(int index) {
        return List.copyOf(reports.subList(index, reports.size()));
    }

    /** The index of the first report at or after {@code fromIndex} that matches, waiting for it. */
    synchronized int awaitIndex(int fromIndex, Predicate<Report> p, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int i = fromIndex;
        while (true) {
            for (; i < reports.size(); i++) {
                if (p.test(reports.get(i))) {
                    return i;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what + "; last reports: "
                        + reports.subList(Math.max(0, reports.size() - 5), reports.size()));
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    <T extends Report> T await(int fromIndex, Class<T> type, Predicate<T> p, String what) {
        int i = awaitIndex(fromIndex, r -> type.isInstance(r) && p.test(type.cast(r)), what);
        synchronized (this) {
            return type.cast(reports.get(i));
        }
    }

    Report.StateReport awaitState(int fromIndex, Report.State s) {
        return await(fromIndex, Report.StateReport.class, r -> r.state() == s, "state " + s);
    }

    Report.EventReport awaitEvent(int fromIndex, String kind) {
        return await(fromIndex, Report.EventReport.class, r -> r.kind().equals(kind), "event " + kind);
    }

    private int rulesSubmitted;
    private Rules rules = Rules.DEFAULTS;

    /** Submits new rules; use this (not a bare submit) so that {@link #barrier} can count them. */
    int setRules(TrainingSession session, Rules r) {
        int n;
        synchronized (this) {
            n = ++rulesSubmitted;
            rules = r;
        }
        session.submit(new Command.SetRules(r));
        return n;
    }

    /**
     * Submits a command that changes nothing (the current rules again) and waits for its event:
     * every command submitted before it has then been applied.
     */
    Barrier barrier(TrainingSession session) {
        Rules r;
        synchronized (this) {
            r = rules;
        }
        int n = setRules(session, r);
        int[] seen = {0};
        int i = awaitIndex(0, x -> x instanceof Report.EventReport e && e.kind().equals("rules") && ++seen[0] == n,
                "barrier " + n);
        return new Barrier(i, await(i, Report.StateReport.class, x -> true, "the state after barrier " + n));
    }

    /** Where a barrier's event is in the reports, and the state it published. */
    record Barrier(int index, Report.StateReport state) {
    }

    public static <T extends Report> List<T> only(List<Report> rs, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Report r : rs) {
            if (type.isInstance(r)) {
                out.add(type.cast(r));
            }
        }
        return out;
    }
}
