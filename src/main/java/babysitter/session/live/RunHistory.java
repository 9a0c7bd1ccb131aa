package babysitter.session.live;

import babysitter.session.reports.Report;
import babysitter.store.EpochMetric;
import babysitter.store.Run;
import babysitter.store.RunEvent;
import babysitter.store.StepMetric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A recorded run as the reports a live session would have sent, in the order things happened:
 * events and metrics by time, steps before the epoch they end, events first at equal times. Each
 * report carries the run's elapsed training seconds: recorded with the metric, or for runs recorded
 * before that was, the wall-clock seconds since the run's first record.
 */
public final class RunHistory {
    private RunHistory() {
    }

    private record Timed(long timeMillis, int order, Report report) {
    }

    /** The run's steps, epochs and events as reports (epoch reports without layer statistics). */
    public static List<Report> reports(Run run) {
        long first = firstTime(run);
        List<Timed> all = new ArrayList<>();
        for (StepMetric m : run.steps()) {
            all.add(new Timed(m.timeMillis(), 1, new Report.StepReport(m.step(), m.epoch(), m.branch(), m.cost(),
                    m.learningRate(), m.momentum(), m.samplesPerSecond(),
                    elapsed(m.elapsedSeconds(), m.timeMillis(), first))));
        }
        for (EpochMetric m : run.epochs()) {
            all.add(new Timed(m.timeMillis(), 2, new Report.EpochReport(
                    m.withElapsedSeconds(elapsed(m.elapsedSeconds(), m.timeMillis(), first)), List.of())));
        }
        for (RunEvent e : run.events()) {
            all.add(new Timed(e.timeMillis(), 0, Report.EventReport.of(e, Double.NaN)));
        }
        all.sort(Comparator.comparingLong(Timed::timeMillis).thenComparingInt(Timed::order));
        List<Report> out = new ArrayList<>(all.size());
        double lastElapsed = 0;
        for (Timed t : all) {
            Report r = t.report();
            if (r instanceof Report.EventReport e) {
                // an event happened after the last metric recorded before it
                r = e.at(lastElapsed);
            } else {
                lastElapsed = r instanceof Report.StepReport s ? s.elapsedSeconds()
                        : ((Report.EpochReport) r).elapsedSeconds();
            }
            out.add(r);
        }
        return out;
    }

    private static double elapsed(double recorded, long timeMillis, long firstMillis) {
        return Double.isNaN(recorded) ? Math.max(0, timeMillis - firstMillis) / 1000.0 : recorded;
    }

    private static long firstTime(Run run) {
        long first = Long.MAX_VALUE;
        for (StepMetric m : run.steps()) {
            first = Math.min(first, m.timeMillis());
        }
        for (EpochMetric m : run.epochs()) {
            first = Math.min(first, m.timeMillis());
        }
        for (RunEvent e : run.events()) {
            first = Math.min(first, e.timeMillis());
        }
        return first == Long.MAX_VALUE ? 0 : first;
    }
}
