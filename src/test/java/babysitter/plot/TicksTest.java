package babysitter.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {

    private static List<Double> values(List<Ticks.Tick> ticks) {
        return ticks.stream().map(Ticks.Tick::value).toList();
    }

    private static List<String> labels(List<Ticks.Tick> ticks) {
        return ticks.stream().map(Ticks.Tick::label).toList();
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(Ticks.niceStep(10, 10)).isEqualTo(1);
        assertThat(Ticks.niceStep(10, 6)).isEqualTo(2);
        assertThat(Ticks.niceStep(10, 3)).isEqualTo(5);
        assertThat(Ticks.niceStep(1_000_000, 8)).isEqualTo(200_000);
        assertThat(Ticks.niceStep(0.003, 5)).isEqualTo(0.001, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(Ticks.niceStep(7, 1)).isEqualTo(10);
    }

    @Test
    void linearTicksAreMultiplesOfTheStepInsideTheRange() {
        List<Ticks.Tick> ticks = Ticks.linear(0.13, 0.92, 5);
        assertThat(labels(ticks)).containsExactly("0.2", "0.4", "0.6", "0.8");
        assertThat(labels(Ticks.linear(-1, 1, 4))).containsExactly("-1.0", "-0.5", "0.0", "0.5", "1.0");
        assertThat(labels(Ticks.linear(0, 1_000_000, 5))).containsExactly("0", "200k", "400k", "600k", "800k", "1M");
        assertThat(labels(Ticks.linear(0, 1_500_000, 3))).containsExactly("0", "500k", "1M", "1.5M");
    }

    @Test
    void logTicksAreDecades() {
        List<Ticks.Tick> ticks = Ticks.log(-3.2, 0.4, 10);
        assertThat(values(ticks)).containsExactly(1e-3, 1e-2, 1e-1, 1.0);
        assertThat(labels(ticks)).containsExactly("1e-3", "0.01", "0.1", "1");
        // too many decades: every second one
        assertThat(labels(Ticks.log(-8, 0, 5))).containsExactly("1e-8", "1e-6", "1e-4", "0.01", "1");
    }

    @Test
    void aNarrowLogRangeGetsOneTwoFiveTicks() {
        // 0.3 .. 2.3 (one decade boundary only)
        List<Ticks.Tick> ticks = Ticks.log(Math.log10(0.3), Math.log10(2.3), 8);
        assertThat(labels(ticks)).containsExactly("0.5", "1", "2");
        // two decades: 1-2-5 ticks, unless there is no room for them
        assertThat(labels(Ticks.log(Math.log10(0.055), Math.log10(2.2), 8))).containsExactly("0.1", "0.2", "0.5", "1", "2");
        assertThat(labels(Ticks.log(Math.log10(0.055), Math.log10(2.2), 3))).containsExactly("0.1", "1");
        // within one 1-2-5 step: plain linear ticks of the values
        List<Ticks.Tick> narrow = Ticks.log(Math.log10(0.41), Math.log10(0.48), 4);
        assertThat(narrow).hasSizeGreaterThanOrEqualTo(2);
        assertThat(values(narrow)).allSatisfy(v -> assertThat(v).isBetween(0.41, 0.48));
    }

    @Test
    void labelsAreCompact() {
        assertThat(Ticks.format(12_000, 2_000)).isEqualTo("12k");
        assertThat(Ticks.format(1_500_000, 500_000)).isEqualTo("1.5M");
        assertThat(Ticks.format(2.5e9, 5e8)).isEqualTo("2.5G");
        assertThat(Ticks.format(750, 250)).isEqualTo("750");
        assertThat(Ticks.format(0.25, 0.05)).isEqualTo("0.25");
        assertThat(Ticks.format(0.30000000000000004, 0.1)).isEqualTo("0.3");
        assertThat(Ticks.format(2.5e-4, 5e-5)).isEqualTo("2.5e-4");
        assertThat(Ticks.format(1e-5, 1e-5)).isEqualTo("1e-5");
        assertThat(Ticks.format(-1e-17, 0.1)).isEqualTo("0.0");
        assertThat(Ticks.format(0, 200_000)).isEqualTo("0");
        assertThat(Ticks.format(Double.NaN, 1)).isEqualTo("NaN");
    }

    @Test
    void hoverValuesKeepFiveSignificantDigits() {
        assertThat(Ticks.formatValue(12345)).isEqualTo("12,345");
        assertThat(Ticks.formatValue(0.123456789)).isEqualTo("0.12346");
        assertThat(Ticks.formatValue(2.5)).isEqualTo("2.5");
        assertThat(Ticks.formatValue(3.2e-5)).isEqualTo("3.2e-5");
        assertThat(Ticks.formatValue(Double.POSITIVE_INFINITY)).isEqualTo("∞");
    }

    @Test
    void aLinearAxisAlwaysHasAtLeastTwoTicks() {
        // γ and β of a layer over a short chart: the step of 2 left only "0"
        assertThat(Ticks.linear(-0.3, 1.9, 2)).extracting(Ticks.Tick::label).containsExactly("0", "1");
        for (double lo = -3; lo < 3; lo += 0.37) {
            for (double span : new double[] {0.01, 0.3, 1.1, 2.2, 7, 130}) {
                assertThat(Ticks.linear(lo, lo + span, 2)).as("%s..%s", lo, lo + span).hasSizeGreaterThanOrEqualTo(2);
            }
        }
    }
}
