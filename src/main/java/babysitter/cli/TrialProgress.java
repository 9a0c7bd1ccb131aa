package babysitter.cli;

import babysitter.search.Param;
import babysitter.search.Search;
import babysitter.search.SearchListener;
import babysitter.search.SearchSpace;
import babysitter.search.Trial;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A progress bar of finished trials on a terminal, a line per finished trial otherwise; called from workers. */
final class TrialProgress implements SearchListener {
    private static final int BAR = 30;
    private final PrintWriter out;
    private final boolean terminal;
    private final int total;
    private final Search search;
    private int finished;
    private final Set<Integer> counted = new HashSet<>();

    TrialProgress(PrintWriter out, boolean terminal, int total, Search search) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.search = search;
    }

    @Override
    public synchronized void onTrial(Trial t) {
        boolean end = t.state().finished() && counted.add(t.id());
        if (end) {
            finished++;
        }
        if (terminal) {
            List<Trial> best = search.best(1);
            int filled = total == 0 ? BAR : Math.min(BAR, finished * BAR / total);
            out.printf("\r[%s%s] %d/%d trials%s   ", "#".repeat(filled), " ".repeat(BAR - filled), finished, total,
                    best.isEmpty() ? "" : String.format(Locale.ROOT, ", best dev acc %.4f (trial %d)",
                            best.get(0).bestDevAccuracy(), best.get(0).id()));
            out.flush();
        } else if (end) {
            SearchSpace s = search.rounds().get(t.round()).space();
            StringBuilder v = new StringBuilder();
            t.values().forEach((k, x) -> {
                Param p = s.param(k);
                v.append(v.length() == 0 ? "" : " ").append(k).append('=').append(p == null ? x : p.format(x));
            });
            out.printf("[%d/%d] trial %d %s: %s  %s%s%n", finished, total, t.id(),
                    t.state().name().toLowerCase(Locale.ROOT),
                    Double.isNaN(t.bestDevAccuracy()) ? "no dev accuracy"
                            : String.format(Locale.ROOT, "best dev acc %.4f at epoch %d", t.bestDevAccuracy(), t.bestEpoch()),
                    v, t.note().isEmpty() ? "" : "  (" + t.note() + ")");
            out.flush();
        }
    }

    synchronized int finished() {
        return finished;
    }

    synchronized void end() {
        if (terminal) {
            out.println();
            out.flush();
        }
    }
}
