package babysitter.ui.monitor;

import babysitter.store.EpochMetric;
import babysitter.store.Run;
import babysitter.store.RunCurves;
import babysitter.store.StepMetric;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A recorded run drawn beside the live one on the monitor's charts, as plain data: its step costs
 * and its epochs along the path it ended on (a rewound run's abandoned branches are left out).
 *
 * @param name the name the legend shows
 * @param dir  its folder, which tells two references apart
 */
public record ReferenceRun(String name, Path dir, long[] steps, double[] stepSeconds, double[] stepCosts,
                           List<EpochMetric> epochs) {

    public ReferenceRun {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dir, "dir");
        if (steps.length != stepSeconds.length || steps.length != stepCosts.length) {
            throw new IllegalArgumentException("a reference run needs as many seconds and costs as steps, got "
                    + steps.length + " steps, " + stepSeconds.length + " seconds and " + stepCosts.length + " costs");
        }
        steps = steps.clone();
        stepSeconds = stepSeconds.clone();
        stepCosts = stepCosts.clone();
        epochs = List.copyOf(epochs);
    }

    /** The run {@code run} under {@code name}: the steps with a finite cost and the epochs of the path it ended on. */
    public static ReferenceRun of(String name, Run run) {
        List<StepMetric> all = run.steps();
        long[] steps = new long[all.size()];
        double[] seconds = new double[all.size()];
        double[] costs = new double[all.size()];
        int n = 0;
        for (StepMetric s : all) {
            // a step recorded again (after a rewind) cuts off the abandoned steps after it
            while (n > 0 && steps[n - 1] >= s.step()) {
                n--;
            }
            if (Double.isFinite(s.cost())) {
                steps[n] = s.step();
                seconds[n] = s.elapsedSeconds();
                costs[n] = s.cost();
                n++;
            }
        }
        return new ReferenceRun(name, run.dir(), Arrays.copyOf(steps, n), Arrays.copyOf(seconds, n),
                Arrays.copyOf(costs, n), RunCurves.lastPath(run.epochs()));
    }

    @Override
    public long[] steps() {
        return steps.clone();
    }

    @Override
    public double[] stepSeconds() {
        return stepSeconds.clone();
    }

    @Override
    public double[] stepCosts() {
        return stepCosts.clone();
    }

    /** Whether it measured a dev set (its epoch lines then show dev cost and accuracy, else train). */
    public boolean hasDev() {
        return epochs.stream().anyMatch(e -> Double.isFinite(e.devCost()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceRun r && r.dir.equals(dir) && r.name.equals(name)
                && Arrays.equals(r.steps, steps) && r.epochs.equals(epochs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dir, name, Arrays.hashCode(steps), epochs);
    }

    @Override
    public String toString() {
        return "ReferenceRun[" + name + ", " + dir + ", " + steps.length + " steps, " + epochs.size() + " epochs]";
    }
}
