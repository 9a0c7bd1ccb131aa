package babysitter.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParamTest {

    static final Param LINEAR = Param.linear("x", -2, 6);
    static final Param LOG = Param.log("learningRate", 1e-4, 1);
    static final Param OML = Param.oneMinusLog("momentum", 0.9, 0.999);
    static final Param INT = Param.integer("units", 16, 128);
    static final Param POW2 = Param.pow2("batchSize", 16, 256);
    static final Param CHOICE = Param.choice("optimizer", List.of("sgd", "momentum", "adam"));

    @Test
    void scaleNamesRoundTripAndUnknownNamesAreNamed() {
        for (Scale s : Scale.values()) {
            assertThat(Scale.parse(s.jsonName())).isEqualTo(s);
        }
        assertThat(Scale.parse("ONE_MINUS_LOG")).isEqualTo(Scale.ONE_MINUS_LOG);
        assertThatThrownBy(() -> Scale.parse("logarithmic")).hasMessageContaining("'logarithmic'")
                .hasMessageContaining("one-minus-log").hasMessageContaining("pow2");
        assertThat(Scale.LOG.logAxis()).isTrue();
        assertThat(Scale.LINEAR.logAxis()).isFalse();
    }

    @Test
    void continuousScalesRoundTripThroughTheUnitRange() {
        for (Param p : List.of(LINEAR, LOG, OML)) {
            for (double u = 0; u <= 1.0001; u += 0.05) {
                double uu = Math.min(1, u);
                double v = (Double) p.fromUnit(uu);
                assertThat(p.toUnit(v)).as(p.name() + " at " + uu).isCloseTo(uu, within(1e-9));
            }
            assertThat((Double) p.fromUnit(0)).isEqualTo(p.min());
            assertThat((Double) p.fromUnit(1)).isEqualTo(p.max());
            assertThat((Double) p.fromUnit(-3)).isEqualTo(p.min());
            assertThat((Double) p.fromUnit(7)).isEqualTo(p.max());
        }
        assertThat(LINEAR.toUnit(2.0)).isEqualTo(0.5);
        assertThat(LOG.toUnit(1e-2)).isCloseTo(0.5, within(1e-12));
        assertThat(OML.toUnit(0.99)).isCloseTo(0.5, within(1e-12));
        assertThat((Double) OML.fromUnit(0.5)).isCloseTo(0.99, within(1e-12));
        assertThat(Param.linear("c", 3, 3).toUnit(3.0)).isEqualTo(0.5);
    }

    @Test
    void discreteScalesRoundTripThroughBinCentres() {
        for (Param p : List.of(INT, POW2, CHOICE)) {
            int n = p.count();
            for (int i = 0; i < n; i++) {
                Object v = p.fromUnit((i + 0.5) / n);
                assertThat(p.toUnit(v)).isCloseTo((i + 0.5) / n, within(1e-12));
                assertThat(p.fromUnit(p.toUnit(v))).isEqualTo(v);
            }
        }
        assertThat(POW2.count()).isEqualTo(5);
        assertThat(POW2.fromUnit(0)).isEqualTo(16);
        assertThat(POW2.fromUnit(1)).isEqualTo(256);
        assertThat(POW2.fromUnit(0.5)).isEqualTo(64);
        assertThat(INT.fromUnit(1)).isEqualTo(128);
        assertThat(CHOICE.toUnit("adam")).isCloseTo(5 / 6.0, within(1e-12));
        assertThat(Param.integer("one", 4, 4).toUnit(4)).isEqualTo(0.5);
    }

    @Test
    void oneMinusLogPutsHalfTheDrawsBelowPointNineNine() {
        Random r = new Random(42);
        int below = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            double beta = (Double) OML.sample(r);
            assertThat(beta).isBetween(0.9, 0.999);
            if (beta < 0.99) {
                below++;
            }
        }
        // Binomial(10000, 1/2): sd 50; a linear scale would give 0.9/0.999 ≈ 91 %.
        assertThat(below).isBetween(4800, 5200);
    }

    @Test
    void logGivesEachDecadeAQuarter() {
        Random r = new Random(7);
        int[] decades = new int[4];
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            double a = (Double) LOG.sample(r);
            assertThat(a).isBetween(1e-4, 1.0);
            decades[Math.min(3, (int) Math.floor(Math.log10(a) + 4))]++;
        }
        for (int d : decades) {
            assertThat(d).isBetween(2500 - 200, 2500 + 200);
        }
    }

    @Test
    void pow2DrawsOnlyPowersOfTwoEachEquallyOften() {
        Random r = new Random(3);
        Map<Integer, Integer> counts = new HashMap<>();
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            int b = (Integer) POW2.sample(r);
            assertThat(Integer.bitCount(b)).isEqualTo(1);
            counts.merge(b, 1, Integer::sum);
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder(16, 32, 64, 128, 256);
        counts.values().forEach(c -> assertThat(c).isBetween(2000 - 180, 2000 + 180));
    }

    @Test
    void integerDrawsIncludeBothEnds() {
        Param p = Param.integer("layers", 1, 3);
        Random r = new Random(11);
        int[] c = new int[4];
        for (int i = 0; i < 3000; i++) {
            c[(Integer) p.sample(r)]++;
        }
        assertThat(c[0]).isZero();
        assertThat(c[1]).isBetween(900, 1100);
        assertThat(c[2]).isBetween(900, 1100);
        assertThat(c[3]).isBetween(900, 1100);
    }

    @Test
    void drawsAreReproducibleFromTheSeed() {
        List<Object> a = new ArrayList<>();
        List<Object> b = new ArrayList<>();
        Random ra = new Random(99);
        Random rb = new Random(99);
        for (Param p : List.of(LINEAR, LOG, OML, INT, POW2, CHOICE)) {
            for (int i = 0; i < 20; i++) {
                a.add(p.sample(ra));
                b.add(p.sample(rb));
            }
        }
        assertThat(a).isEqualTo(b);
    }

    @Test
    void gridsAreEvenlySpacedOnTheirScaleWithBothEnds() {
        assertThat(LOG.grid(5)).hasSize(5);
        List<Object> g = LOG.grid(5);
        double[] expect = {1e-4, 1e-3, 1e-2, 1e-1, 1};
        for (int i = 0; i < 5; i++) {
            assertThat((Double) g.get(i)).isCloseTo(expect[i], within(expect[i] * 1e-9));
        }
        List<Object> b = OML.grid(3);
        assertThat((Double) b.get(0)).isCloseTo(0.9, within(1e-12));
        assertThat((Double) b.get(1)).isCloseTo(0.99, within(1e-12));
        assertThat((Double) b.get(2)).isCloseTo(0.999, within(1e-12));
        assertThat(POW2.grid(3)).containsExactly(16, 64, 256);
        assertThat(POW2.grid(10)).containsExactly(16, 32, 64, 128, 256);
        assertThat(INT.grid(2)).containsExactly(16, 128);
        assertThat(CHOICE.grid(2)).containsExactly("sgd", "adam");
        assertThat(CHOICE.grid(5)).containsExactly("sgd", "momentum", "adam");
        assertThat(Param.linear("c", 2, 2).grid(4)).containsExactly(2.0);
        assertThat(LINEAR.grid(1)).containsExactly(2.0);
    }

    @Test
    void narrowedCoversTheUnitRangeOnEachScale() {
        Param l = LINEAR.narrowed(0.25, 0.5);
        assertThat(l.min()).isEqualTo(0.0);
        assertThat(l.max()).isEqualTo(2.0);
        Param lg = LOG.narrowed(0.5, 0.25);
        assertThat(lg.scale()).isEqualTo(Scale.LOG);
        assertThat(lg.min()).isCloseTo(1e-3, within(1e-15));
        assertThat(lg.max()).isCloseTo(1e-2, within(1e-14));
        Param b = OML.narrowed(0.5, 1);
        assertThat(b.min()).isCloseTo(0.99, within(1e-12));
        assertThat(b.max()).isEqualTo(0.999);
        // pow2 16..256 has 5 bins of 0.2: [0.3, 0.5] touches bins 1 and 2 → 32..64
        Param p = POW2.narrowed(0.3, 0.5);
        assertThat(p.min()).isEqualTo(32);
        assertThat(p.max()).isEqualTo(64);
        // exactly on a bin boundary does not take the next bin
        Param p2 = POW2.narrowed(0.2, 0.4);
        assertThat(p2.min()).isEqualTo(32);
        assertThat(p2.max()).isEqualTo(32);
        // integer 16..128: 113 bins; [0, 0.5] → bins 0..56 → 16..72
        Param i = INT.narrowed(0, 0.5);
        assertThat(i.min()).isEqualTo(16);
        assertThat(i.max()).isEqualTo(72);
        // choice: bin centres 1/6, 1/2, 5/6
        assertThat(CHOICE.narrowed(0.4, 1).choices()).containsExactly("momentum", "adam");
        assertThat(CHOICE.narrowed(0.2, 0.3).choices()).containsExactly("sgd");
    }

    @Test
    void edgesOfContinuousAndDiscreteRanges() {
        assertThat(LOG.edge(0.9, 0.1)).isEqualTo(Param.Edge.HIGH);
        assertThat(LOG.edge(1.2e-4, 0.1)).isEqualTo(Param.Edge.LOW);
        assertThat(LOG.edge(1e-2, 0.1)).isEqualTo(Param.Edge.NONE);
        assertThat(OML.edge(0.9985, 0.1)).isEqualTo(Param.Edge.HIGH);
        assertThat(OML.edge(0.998, 0.1)).isEqualTo(Param.Edge.NONE);
        assertThat(POW2.edge(256, 0.1)).isEqualTo(Param.Edge.HIGH);
        assertThat(POW2.edge(16, 0.1)).isEqualTo(Param.Edge.LOW);
        assertThat(POW2.edge(32, 0.1)).isEqualTo(Param.Edge.NONE);
        assertThat(Param.pow2("b", 16, 32).edge(32, 0.1)).isEqualTo(Param.Edge.NONE);
        assertThat(CHOICE.edge("adam", 0.1)).isEqualTo(Param.Edge.NONE);
    }

    @Test
    void formatsOnTheirScales() {
        assertThat(LOG.format(0.000123456)).isEqualTo("1.23e-04");
        assertThat(LOG.format(0.0123456)).isEqualTo("0.0123");
        assertThat(LOG.format(1.0)).isEqualTo("1");
        assertThat(OML.format(0.99873)).isEqualTo("0.99873");
        assertThat(OML.format(0.9)).isEqualTo("0.900");
        assertThat(POW2.format(64)).isEqualTo("64");
        assertThat(CHOICE.format("adam")).isEqualTo("adam");
        assertThat(LOG.rangeText()).isEqualTo("[1.00e-04, 1]");
    }

    @Test
    void constructorRejectsBadRangesWithTheRule() {
        assertThatThrownBy(() -> Param.log("l2", 0, 1)).hasMessageContaining("l2").hasMessageContaining("0 < min");
        assertThatThrownBy(() -> Param.linear("x", 2, 1)).hasMessageContaining("min 2 is greater than max 1");
        assertThatThrownBy(() -> Param.oneMinusLog("momentum", 0.5, 1)).hasMessageContaining("max < 1");
        assertThatThrownBy(() -> Param.integer("units", 1.5, 4)).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> Param.pow2("batchSize", 12, 64)).hasMessageContaining("powers of two");
        assertThatThrownBy(() -> Param.choice("optimizer", List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> Param.choice("optimizer", List.of("sgd", "sgd"))).hasMessageContaining("distinct");
    }
}
