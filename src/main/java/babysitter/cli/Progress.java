package babysitter.cli;

import babysitter.engine.Hyperparameters;
import babysitter.engine.Network;
import babysitter.report.Names;
import babysitter.session.training.Trainer;
import babysitter.store.EpochMetric;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * What {@code train} and {@code replay} print: on a terminal a progress bar per epoch, redrawn
 * in place; otherwise (a pipe, a log file) one summary line per epoch.
 */
final class Progress implements Trainer.Listener {
    private static final int BAR = 30;
    private final PrintWriter out;
    private final boolean terminal;
    private int epoch;
    private int epochs;
    private int batches;
    private int done;
    private int lastDrawn = -1;
    private long startNanos;
    private EpochMetric lastEpoch;

    Progress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    static int batchesPerEpoch(Trainer t) {
        int rows = t.data().split().train().rows();
        int m = t.hyperparameters().batchSize();
        return (rows + m - 1) / m;
    }

    void beginEpoch(int epoch, int epochs, int batches) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.batches = Math.max(1, batches);
        this.done = 0;
        this.lastDrawn = -1;
        this.startNanos = System.nanoTime();
    }

    void step(Trainer.StepResult r) {
        done++;
        if (!terminal) {
            return;
        }
        int filled = (int) ((long) done * BAR / batches);
        int percent = (int) ((long) done * 100 / batches);
        if (percent == lastDrawn) {
            return;
        }
        lastDrawn = percent;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double eta = done > 0 ? seconds * (batches - done) / done : 0;
        out.printf("\repoch %d/%d [%s%s] %3d%%  cost %.4f  %s left ", epoch + 1, epochs, "#".repeat(filled),
                " ".repeat(BAR - filled), percent, r.cost(), Names.duration(eta, Locale.ENGLISH));
        out.flush();
    }

    @Override
    public void onEpoch(EpochMetric m) {
        lastEpoch = m;
        if (terminal) {
            out.print("\r" + " ".repeat(BAR + 60) + "\r");
        }
        out.printf("epoch %d/%d  train cost %.4f acc %.4f (running)  dev cost %s acc %s (train-mode acc %s)  %.1f s%n",
                m.epoch() + 1, Math.max(epochs, m.epoch() + 1), m.trainCost(), m.trainAccuracy(), num(m.devCost()),
                num(m.devAccuracy()), num(m.devAccuracyTrainMode()), m.seconds());
        out.flush();
    }

    EpochMetric lastEpoch() {
        return lastEpoch;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.4f", v);
    }

    static String layers(Network net) {
        StringBuilder b = new StringBuilder();
        for (int l = 0; l <= net.depth(); l++) {
            b.append(l == 0 ? "" : "-").append(net.config().units(l));
        }
        StringBuilder hidden = new StringBuilder();
        net.config().hidden().forEach(h -> hidden.append(hidden.length() == 0 ? "" : ", ")
                .append(h.activation().name().toLowerCase(Locale.ROOT)).append(h.batchNorm() ? "+bn" : ""));
        return b + (hidden.length() > 0 ? " (" + hidden + ")" : "") + " " + net.config().precision().name().toLowerCase(Locale.ROOT);
    }

    static String hyperparameters(Hyperparameters hp) {
        return String.format("%s α=%s batch %d", hp.optimizer().name().toLowerCase(Locale.ROOT),
                hp.learningRate(), hp.batchSize());
    }
}
