package babysitter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The guard's reason as numbers, and the English text that events.jsonl keeps of it, unchanged. */
class GuardReasonTest {

    @Test
    void theRecordedTextIsTheOneThisProgramHasAlwaysWritten() {
        assertThat(new GuardReason.CostNotFinite(Double.NaN, 7).english()).isEqualTo("cost NaN at step 7");
        assertThat(new GuardReason.CostNotFinite(Double.POSITIVE_INFINITY, 8).english()).isEqualTo("cost +∞ at step 8");
        assertThat(new GuardReason.CostNotFinite(Double.NEGATIVE_INFINITY, 9).english()).isEqualTo("cost −∞ at step 9");
        assertThat(new GuardReason.CostRose(5.123456, 120, 10, 0.3, Math.log(3)).english())
                .isEqualTo("smoothed cost 5.123 at step 120, above 10 × the best 0.3000 and above 1.10, the cost of guessing");
        assertThat(new GuardReason.CostRose(2.5, 3, 2.5, 0.01, Math.log(10)).english())
                .isEqualTo("smoothed cost 2.500 at step 3, above 2.5 × the best 0.01000 and above 2.30, the cost of guessing");
    }

    @Test
    void anEventMadeByTheGuardIsWrittenAsItsTextAloneAndReadsBackAsIt() throws Exception {
        Event.GuardTripped made = new Event.GuardTripped(new GuardReason.CostNotFinite(Double.NaN, 7), "step-0", true);
        Event.GuardTripped recorded = new Event.GuardTripped("cost NaN at step 7", "step-0", true);
        assertThat(EventCodec.details(made)).isEqualTo(EventCodec.details(recorded));
        assertThat(EventCodec.details(made).has("why")).isFalse();
    }

    @Test
    void aRecordedCostThatWasNotFiniteIsRecognisedOnlyAtItsOwnStep() {
        Event.GuardTripped recorded = new Event.GuardTripped("cost −∞ at step 12", null, false);
        assertThat(GuardReason.of(recorded, 12)).contains(new GuardReason.CostNotFinite(Double.NEGATIVE_INFINITY, 12));
        assertThat(GuardReason.of(recorded, 13)).isEmpty();
        assertThat(GuardReason.of(new Event.GuardTripped("cost NaN at step 12 (and more)", null, false), 12)).isEmpty();
    }

    @Test
    void aRecordedSmoothedCostThatRoseIsReadBackFromItsNumbersAtItsOwnStep() {
        GuardReason.CostRose made = new GuardReason.CostRose(5.123456, 120, 10, 0.3, Math.log(3));
        Event.GuardTripped recorded = new Event.GuardTripped(made.english(), null, false);
        GuardReason read = GuardReason.of(recorded, 120).orElseThrow();
        assertThat(read.english()).isEqualTo(made.english());
        assertThat(read).isInstanceOfSatisfying(GuardReason.CostRose.class, r -> {
            assertThat(r.smoothedText()).isEqualTo("5.123");
            assertThat(r.factorText()).isEqualTo("10");
            assertThat(r.bestText()).isEqualTo("0.3000");
            assertThat(r.guessingText()).isEqualTo("1.10");
        });
        assertThat(GuardReason.of(recorded, 121)).as("another step").isEmpty();
        // a text this program would not write for its numbers is not guessed at
        assertThat(GuardReason.of(new Event.GuardTripped("smoothed cost 5.1234 at step 120, above 10 × the best 0.3000"
                + " and above 1.10, the cost of guessing", null, false), 120)).isEmpty();
        assertThat(GuardReason.of(new Event.GuardTripped("smoothed cost lots at step 120, above 10 × the best 0.3000"
                + " and above 1.10, the cost of guessing", null, false), 120)).isEmpty();
    }

    @Test
    void theTextMustBeTheReasons() {
        assertThatThrownBy(() -> new Event.GuardTripped("cost NaN at step 8", null, false,
                new GuardReason.CostNotFinite(Double.NaN, 7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost NaN at step 8");
        assertThatThrownBy(() -> new GuardReason.CostNotFinite(1.5, 7)).isInstanceOf(IllegalArgumentException.class);
    }
}
