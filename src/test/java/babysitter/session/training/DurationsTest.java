package babysitter.session.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one way a duration is written in the window's and the console's status lines. */
class DurationsTest {
    @Test
    void secondsMinutesAndHoursRoundAsAPersonWouldSayThem() {
        assertThat(Durations.text(0.4)).isEqualTo("0 s");
        assertThat(Durations.text(59.4)).isEqualTo("59 s");
        assertThat(Durations.text(59.6)).isEqualTo("1 min 0 s");
        assertThat(Durations.text(3599)).isEqualTo("59 min 59 s");
        assertThat(Durations.text(3600)).isEqualTo("1 h 0 min");
        assertThat(Durations.text(2 * 3600 + 61)).isEqualTo("2 h 1 min");
    }
}
