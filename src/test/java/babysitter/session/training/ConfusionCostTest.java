package babysitter.session.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import babysitter.data.Dataset;
import babysitter.engine.Network;
import babysitter.session.configuration.RunConfig;
import babysitter.session.live.TrainingSessionTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the per-epoch dev confusion matrix costs on a 6,000-row dev set, next to the dev evaluation it joins. */
class ConfusionCostTest {

    @Test
    void theConfusionMatrixOfA6000RowDevSetCostsAboutOneDevEvaluation() throws Exception {
        RunConfig config = TrainingSessionTest.config(
                "{ \"kind\": \"spiral\", \"n\": 24000, \"arms\": 3, \"noise\": 0.1, \"devFraction\": 0.25 }",
                TrainingSessionTest.RELU16_BN, "{ \"kind\": \"sgd\", \"learningRate\": 0.1, \"batchSize\": 64 }", 1);
        Trainer t = Runs.start(config, null, null, TrainerTest.CLOCK);
        Dataset dev = t.data().split().dev();
        assertThat(dev.rows()).isEqualTo(6000);
        long[][] counts = null;
        long bestConfusion = Long.MAX_VALUE;
        long bestEval = Long.MAX_VALUE;
        Network.Evaluation eval = null;
        for (int i = 0; i < 8; i++) { // the first rounds warm up
            long t0 = System.nanoTime();
            counts = Evaluator.confusion(t.network(), dev, Trainer.EVAL_CHUNK);
            long t1 = System.nanoTime();
            eval = Evaluator.evaluate(t.network(), dev, Network.Mode.INFERENCE, Trainer.EVAL_CHUNK);
            long t2 = System.nanoTime();
            bestConfusion = Math.min(bestConfusion, t1 - t0);
            bestEval = Math.min(bestEval, t2 - t1);
        }
        long total = Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
        long diagonal = 0;
        for (int c = 0; c < counts.length; c++) {
            diagonal += counts[c][c];
        }
        assertThat(total).isEqualTo(6000);
        assertThat((double) diagonal / total).isCloseTo(eval.accuracy(), offset(1e-12));
        System.out.printf("confusion matrix of a 6,000-row dev set: %.2f ms (dev evaluation in inference mode: %.2f ms)%n",
                bestConfusion / 1e6, bestEval / 1e6);
        // The matrix is one inference pass plus counting: the best of 8 interleaved rounds of each, on
        // the same machine at the same moment, so noise hits both alike. (Absolute numbers: the
        // insights benchmark in docs/PERFORMANCE.md.)
        assertThat((double) bestConfusion).as("ns of the confusion matrix vs %d ns of a dev evaluation", bestEval)
                .isLessThan(3.0 * bestEval);
    }

    /**
     * The session takes the confusion matrix from the epoch's dev evaluation instead of a second
     * pass: on a spiral with batch norm and on the digits, epoch after epoch, it is the matrix the
     * separate pass computes, count for count.
     */
    @Test
    void theConfusionCountedDuringTheDevEvaluationIsTheOneASecondPassComputes() throws Exception {
        String[] data = {
            "{ \"kind\": \"spiral\", \"n\": 3000, \"arms\": 3, \"noise\": 0.2, \"devFraction\": 0.4 }",
            "{ \"kind\": \"digits\", \"devFraction\": 0.2 }",
        };
        for (String d : data) {
            Trainer t = Runs.start(TrainingSessionTest.config(d, TrainingSessionTest.RELU16_BN,
                    "{ \"kind\": \"adam\", \"learningRate\": 0.01, \"batchSize\": 64 }", 4), null, null,
                    TrainerTest.CLOCK);
            Dataset dev = t.data().split().dev();
            assertThat(dev.rows()).isGreaterThan(Trainer.EVAL_CHUNK / 4);
            for (int e = 0; e < 4; e++) {
                t.trainEpoch();
                long[][] shared = t.devConfusion(e, 0);
                assertThat(shared).as("epoch %d of %s", e, d).isNotNull();
                assertThat(shared).isDeepEqualTo(Evaluator.confusion(t.network(), dev, Trainer.EVAL_CHUNK));
            }
            assertThat(t.devConfusion(0, 0)).as("only the last epoch's is kept").isNull();
            t.close();
        }
    }
}
