package babysitter.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** The hand-over to the JavaFX thread, with a queue playing that thread. */
class HandOverTest {
    private final ConcurrentLinkedQueue<Runnable> fx = new ConcurrentLinkedQueue<>();
    private final List<List<String>> batches = new ArrayList<>();

    private void runFx() {
        Runnable r;
        while ((r = fx.poll()) != null) {
            r.run();
        }
    }

    @Test
    void manyItemsMakeOnePendingDrainAndOneBatchInOrder() {
        HandOver<String> h = new HandOver<>(fx::add, batches::add);
        for (int i = 0; i < 1000; i++) {
            h.accept("s" + i);
        }
        assertThat(fx).as("one pending hand-over, not one per item").hasSize(1);
        runFx();
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(1000).startsWith("s0", "s1").endsWith("s999");
    }

    @Test
    void ordinaryItemsWaitForTheIntervalButAnUrgentOneGoesAtOnceAndNothingIsDropped() {
        long[] now = {0};
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            HandOver<String> h = new HandOver<>(fx::add, batches::add, 40, s -> s.startsWith("state"), timer,
                    () -> now[0]);
            h.accept("step1");
            assertThat(fx).as("the first drain may go at once").hasSize(1);
            runFx();
            now[0] += 1_000_000; // 1 ms later: a step report waits on the timer
            h.accept("step2");
            h.accept("step3");
            assertThat(fx).isEmpty();
            h.accept("state: paused");
            assertThat(fx).as("a lifecycle report is not held back").hasSize(1);
            runFx();
            assertThat(batches).containsExactly(List.of("step1"), List.of("step2", "step3", "state: paused"));
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void afterCloseNothingIsScheduledButDrainStillDelivers() {
        HandOver<String> h = new HandOver<>(fx::add, batches::add);
        h.close();
        h.accept("late");
        assertThat(fx).isEmpty();
        h.drain();
        assertThat(batches).containsExactly(List.of("late"));
    }
}
