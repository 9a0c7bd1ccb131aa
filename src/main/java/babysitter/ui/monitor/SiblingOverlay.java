package babysitter.ui.monitor;

import babysitter.i18n.Texts;
import babysitter.plot.SeriesBuffer;
import babysitter.session.configuration.OptimizerBeta;
import babysitter.session.reports.Report;
import babysitter.ui.monitor.MonitorViewModel.Chart;
import babysitter.ui.monitor.MonitorViewModel.Line;
import babysitter.ui.monitor.MonitorViewModel.Role;
import babysitter.ui.monitor.MonitorViewModel.XAxis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Try siblings" on the epoch charts: per sibling a line of dev accuracy and one of dev cost
 * (training cost without a dev set), from the checkpoint's epoch on. Not drawn in TIME mode: the
 * siblings share the cores, so their seconds do not compare with the run's; a note says so.
 */
final class SiblingOverlay {

    private final MonitorViewModel monitor;
    /** Two per sibling (dev accuracy, dev cost), in sibling order. */
    private final List<Line> lines = new ArrayList<>();
    private Report.SiblingsReport shown;
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");

    SiblingOverlay(MonitorViewModel monitor) {
        this.monitor = monitor;
    }

    /** Shows {@code r}'s siblings; an adopted or discarded report (or null) removes them. */
    void show(Report.SiblingsReport r) {
        boolean over = r == null || r.phase() == Report.SiblingsReport.Phase.ADOPTED
                || r.phase() == Report.SiblingsReport.Phase.DISCARDED;
        if (over || shown == null || !shown.checkpoint().equals(r.checkpoint())
                || shown.siblings().size() != r.siblings().size()) {
            monitor.lines().removeAll(lines);
            lines.clear();
            shown = null;
            if (!over) {
                for (Report.SiblingsReport.Sibling s : r.siblings()) {
                    String name = name(r, s);
                    lines.add(new Line(Chart.EPOCH_ACCURACY, name, -1, Role.SIBLING, s.index(), new SeriesBuffer()));
                    lines.add(new Line(Chart.EPOCH_COST, name, -1, Role.SIBLING, s.index(), new SeriesBuffer()));
                }
                monitor.lines().addAll(lines);
            }
        }
        if (!over) {
            shown = r;
        }
        fill();
    }

    /** Forgets the siblings (a new run); their lines are gone with the run's. */
    void clear() {
        lines.clear();
        shown = null;
        note.set("");
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /**
     * The epochs the epoch charts show while siblings are overlaid, or null for all: the siblings'
     * epochs and as many before them (at least two), so that on a long run the siblings are not
     * a few pixels at the right edge.
     */
    double[] window() {
        Report.SiblingsReport r = shown;
        if (r == null || monitor.xAxisProperty().get() == XAxis.TIME || r.epochs() < 1) {
            return null;
        }
        double context = Math.max(2, r.epochs());
        return new double[] {Math.max(0, r.fromEpoch() - context), r.fromEpoch() + r.epochs()};
    }

    /**
     * "sib 1 α=0.0032 β1=0.914", with the symbol of the β the siblings vary (β, β1 or β2; none with
     * SGD) and "(control)" for the sibling that kept α and β.
     */
    static String name(Report.SiblingsReport r, Report.SiblingsReport.Sibling s) {
        String b = r.varied() == OptimizerBeta.NONE ? ""
                : " " + r.varied().symbol() + "=" + MonitorViewModel.beta(s.beta());
        return Texts.get("monitor.siblingName", s.index() + 1, s.control() ? Texts.get("monitor.siblingControl") : "",
                MonitorViewModel.alpha(s.alpha()), b);
    }

    /** Fills the lines again from the report and the branch the siblings started from. */
    void fill() {
        Report.SiblingsReport r = shown;
        boolean time = monitor.xAxisProperty().get() == XAxis.TIME;
        note.set(r != null && time ? Texts.get("monitor.siblingTimeNote") : "");
        if (r == null) {
            return;
        }
        BranchHistory from = monitor.branchIfKnown(r.fromBranch());
        double[] start = from == null ? null : from.epoch(r.fromEpoch());
        for (int i = 0; i < r.siblings().size(); i++) {
            Report.SiblingsReport.Sibling s = r.siblings().get(i);
            SeriesBuffer acc = lines.get(2 * i).data();
            SeriesBuffer cost = lines.get(2 * i + 1).data();
            acc.clear();
            cost.clear();
            if (time) {
                continue; // siblings have no common clock with the run
            }
            boolean dev = !s.devCost().isEmpty() && Double.isFinite(s.devCost().get(0));
            if (start != null) {
                addFinite(acc, r.fromEpoch(), start[BranchHistory.DEV_ACC]);
                addFinite(cost, r.fromEpoch(), dev ? start[BranchHistory.DEV_COST] : start[BranchHistory.TRAIN_COST]);
            }
            for (int e = 0; e < s.epochsDone(); e++) {
                double x = r.fromEpoch() + e + 1;
                addFinite(acc, x, s.devAccuracy().get(e));
                addFinite(cost, x, dev ? s.devCost().get(e) : s.trainCost().get(e));
            }
        }
    }

    private static void addFinite(SeriesBuffer b, double x, double y) {
        if (Double.isFinite(y) && (b.isEmpty() || x > b.lastX())) {
            b.add(x, y);
        }
    }
}
