package babysitter.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayFeedTest {
    record Epoch(int epoch, int branch) {
    }

    record Sample(int epoch) {
    }

    @Test
    void aLateSubscriberGetsTheKeptReportsThenTheNewOnesAndHearsOfAReset() {
        ReplayFeed feed = new ReplayFeed().keep(Epoch.class, 2, Epoch::branch).keep(Sample.class, 1, null);
        feed.publish(new Epoch(0, 0));
        feed.publish(new Epoch(1, 0));
        feed.publish(new Epoch(2, 0));
        feed.publish(new Sample(2));
        List<Object> seen = new ArrayList<>();
        int[] resets = {0};
        Runnable stop = feed.subscribe(Epoch.class, seen::add, () -> resets[0]++);
        assertThat(seen).containsExactly(new Epoch(1, 0), new Epoch(2, 0));
        feed.publish(new Sample(3));
        feed.publish(new Epoch(2, 1));
        assertThat(seen).endsWith(new Epoch(2, 1)).hasSize(3);
        assertThat(feed.kept(Epoch.class)).as("another branch starts over").containsExactly(new Epoch(2, 1));
        assertThat(feed.kept(Sample.class)).containsExactly(new Sample(3));
        feed.reset();
        assertThat(resets[0]).isEqualTo(1);
        assertThat(feed.kept(Epoch.class)).isEmpty();
        stop.run();
        feed.publish(new Epoch(0, 0));
        assertThat(seen).hasSize(3);
    }
}
