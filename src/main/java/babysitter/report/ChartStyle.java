package babysitter.report;

import babysitter.plot.Palette;

/**
 * How a line of a run's history is styled in a report, the way the window styles it: a colour per
 * role (train, dev…), the live branch solid, earlier branches faded and dashed, named with their branch.
 */
final class ChartStyle {
    private ChartStyle() {
    }

    /** A line of {@code role} (a key of the report's words) on {@code branch} when {@code live} is the run's last branch. */
    static SvgChart.Series line(ReportWords w, String role, int branch, int live, String colour, double width,
            double opacity, boolean dashed, double[] x, double[] y) {
        boolean earlier = branch != live;
        String name = branch == 0 ? w.get(role) : w.get("report.branch", w.get(role), branch);
        return new SvgChart.Series(name, x, y, colour, width, earlier ? opacity * Palette.EARLIER_BRANCH_FADE : opacity,
                dashed || (earlier && opacity >= 1));
    }

    /** A legend entry in the live branch's style. */
    static SvgChart.LegendEntry entry(String name, String colour, double width, double opacity, boolean dashed) {
        return new SvgChart.LegendEntry(name, colour, width, opacity, dashed);
    }
}
