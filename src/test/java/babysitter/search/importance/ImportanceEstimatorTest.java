package babysitter.search.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import babysitter.search.Method;
import babysitter.search.Param;
import babysitter.search.Round;
import babysitter.search.SearchSpace;
import babysitter.search.Trial;
import babysitter.search.TrialNote;
import babysitter.search.TrialState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Synthetic objectives whose decomposition is known: the trials are drawn from a five-parameter
 * space as a search draws them, and their "dev accuracy" is a function of the values' unit
 * coordinates (u = position on the parameter's own scale: log α, log(1 − β), log2 batch…).
 */
class ImportanceEstimatorTest {
    static final String BASE = """
            { "data": { "kind": "blobs", "n": 240, "classes": 3, "noise": 0.8, "devFraction": 0.25 },
              "network": { "hidden": [ { "units": 6, "activation": "relu", "batchNorm": false } ] },
              "optimizer": { "kind": "momentum", "learningRate": 0.01, "batchSize": 32 },
              "epochs": 2, "seed": 3, "logEvery": 5 }""";

    /** α, β, a batch of 16..128 (four values), units and the optimiser. */
    static SearchSpace space() throws Exception {
        return SearchSpace.parse("""
                { "base": %s,
                  "params": [
                    { "name": "learningRate", "scale": "log", "min": 1e-4, "max": 1 },
                    { "name": "momentum", "scale": "one-minus-log", "min": 0.5, "max": 0.999 },
                    { "name": "batchSize", "scale": "pow2", "min": 16, "max": 128 },
                    { "name": "units", "scale": "integer", "min": 4, "max": 12 },
                    { "name": "optimizer", "scale": "choice", "choices": ["momentum", "adam"] } ] }""".formatted(BASE),
                "test", null);
    }

    /** n trials drawn with this seed, each DONE with the objective f of its unit coordinates. */
    static List<Trial> trials(SearchSpace space, int n, long seed, ToDoubleFunction<Map<String, Double>> f) {
        Random r = new Random(seed);
        List<Trial> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> values = space.sample(r);
            Map<String, Double> u = new HashMap<>();
            for (Param p : space.params()) {
                u.put(p.name(), p.toUnit(values.get(p.name())));
            }
            out.add(new Trial(i + 1, 0, values, TrialState.DONE, List.of(), f.applyAsDouble(u), 1, null, null,
                    TrialNote.NONE));
        }
        return out;
    }

    static Importance estimate(SearchSpace space, List<Trial> trials, long seed) {
        return ImportanceEstimator.estimate(List.of(new Round(0, space, Method.RANDOM, trials.size(), 0, "initial")),
                trials, Objective.DEV_ACCURACY, seed);
    }

    @Test
    void whenOnlyAlphaMattersAlphaTakesNearlyAllTheVariance() throws Exception {
        SearchSpace space = space();
        Importance imp = estimate(space, trials(space, 100, 5, u -> 0.9 - Math.pow(u.get("learningRate") - 0.6, 2)), 1);
        assertThat(imp.available()).isTrue();
        assertThat(imp.trials()).isEqualTo(100);
        assertThat(imp.share("learningRate").share()).isGreaterThan(0.8);
        for (String other : List.of("momentum", "batchSize", "units", "optimizer")) {
            assertThat(imp.share(other).share()).as(other).isLessThan(0.05);
        }
        assertThat(imp.ranked().get(0).param()).isEqualTo("learningRate");
    }

    @Test
    void alphaAndBatchMatteringEquallyShareTheVarianceEvenly() throws Exception {
        SearchSpace space = space();
        // u of α is uniform on [0, 1] (variance 1/12); u of the batch sits at 1/8, 3/8, 5/8, 7/8
        // (variance 5/64): c makes the two terms' variances equal.
        double c = Math.sqrt((1.0 / 12) / (5.0 / 64));
        Importance imp = estimate(space, trials(space, 100, 6,
                u -> (u.get("learningRate") - 0.5) + c * (u.get("batchSize") - 0.5)), 1);
        assertThat(imp.share("learningRate").share()).isBetween(0.35, 0.65);
        assertThat(imp.share("batchSize").share()).isBetween(0.35, 0.65);
        assertThat(imp.share("momentum").share()).isLessThan(0.05);
    }

    @Test
    void anInteractionGoesToThePairNotToEitherAlone() throws Exception {
        SearchSpace space = space();
        // a product of centred terms: its average over either parameter is flat, all of it is interaction
        Importance imp = estimate(space, trials(space, 100, 7,
                u -> (u.get("learningRate") - 0.5) * (u.get("momentum") - 0.5)), 1);
        Importance.PairShare pair = imp.pair("learningRate", "momentum");
        assertThat(pair.share()).isGreaterThan(0.5);
        assertThat(imp.pairs().get(0)).isEqualTo(pair);
        assertThat(imp.share("learningRate").share()).isLessThan(0.2);
        assertThat(imp.share("momentum").share()).isLessThan(0.2);
        assertThat(pair.share()).isGreaterThan(2 * (imp.share("learningRate").share() + imp.share("momentum").share()));
    }

    @Test
    void theSameSeedGivesTheSameNumbers() throws Exception {
        SearchSpace space = space();
        List<Trial> ts = trials(space, 60, 8, u -> u.get("learningRate") + 0.3 * u.get("units"));
        Importance a = estimate(space, ts, 11);
        Importance b = estimate(space, ts, 11);
        assertThat(a).isEqualTo(b);
        Importance other = estimate(space, ts, 12);
        assertThat(other.share("learningRate").share()).isCloseTo(a.share("learningRate").share(), within(0.1));
    }

    @Test
    void sharesAndRestAddUpToOneAndSpreadIsReported() throws Exception {
        SearchSpace space = space();
        Importance imp = estimate(space, trials(space, 80, 9,
                u -> u.get("learningRate") + u.get("units") * u.get("momentum")), 3);
        double sum = imp.rest();
        for (Importance.Share s : imp.params()) {
            sum += s.share();
            assertThat(s.spread()).isGreaterThanOrEqualTo(0);
        }
        for (Importance.PairShare p : imp.pairs()) {
            sum += p.share();
        }
        assertThat(sum).isCloseTo(1.0, within(1e-9));
        assertThat(imp.pairs()).hasSize(10);
    }

    @Test
    void tooFewOrUnfinishedTrialsGiveNoEstimateAndSayWhy() throws Exception {
        SearchSpace space = space();
        List<Trial> ts = new ArrayList<>(trials(space, 4, 1, u -> u.get("learningRate")));
        Importance few = estimate(space, ts, 1);
        assertThat(few.available()).isFalse();
        assertThat(few.note()).isEqualTo("4 finished trials: at least 5 are needed");
        // a stopped or failed trial does not count: its objective was cut short
        Trial t = trials(space, 1, 2, u -> 0.5).get(0);
        ts.add(new Trial(99, 0, t.values(), TrialState.STOPPED, List.of(), 0.4, 1, null, null,
                TrialNote.median(0.4, 1, 0.5, 3)));
        ts.add(new Trial(100, 0, t.values(), TrialState.FAILED, List.of(), Double.NaN, -1, null, null,
                TrialNote.diverged(1, Double.NaN, 0.1)));
        assertThat(estimate(space, ts, 1).trials()).isEqualTo(4);
        Importance flat = estimate(space, trials(space, 10, 1, u -> 0.7), 1);
        assertThat(flat.available()).isFalse();
        assertThat(flat.note()).contains("the same best dev accuracy");
    }
}
