package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every part runs exactly once and has finished when {@link Lanes#run} returns, whoever runs it. */
class LanesTest {

    @Test
    void runsEachPartOnceBeforeReturning() {
        for (int parts = 1; parts <= 7; parts++) {
            AtomicIntegerArray runs = new AtomicIntegerArray(parts);
            for (int round = 0; round < 500; round++) {
                Lanes.shared().run(parts, runs::incrementAndGet);
                for (int p = 0; p < parts; p++) {
                    assertThat(runs.get(p)).as("part %d of %d after round %d", p, parts, round).isEqualTo(round + 1);
                }
            }
        }
    }

    @Test
    void aPartsExceptionReachesTheCaller() {
        assertThatThrownBy(() -> Lanes.shared().run(3, part -> {
            if (part == 1) {
                throw new IllegalStateException("part one failed");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("part one failed");
        // and the lanes still work afterwards
        AtomicIntegerArray runs = new AtomicIntegerArray(3);
        Lanes.shared().run(3, runs::incrementAndGet);
        assertThat(runs.get(0) + runs.get(1) + runs.get(2)).isEqualTo(3);
    }

    @Test
    void aHelperThatHasNotStartedDoesNotHoldTheCallerUp() throws Exception {
        // A helper thread the system has not run yet, as when another program has its core: the
        // caller takes the helper's part itself instead of waiting for it.
        CountDownLatch scheduled = new CountDownLatch(1);
        Lanes lanes = new Lanes(1, helper -> {
            Thread t = new Thread(() -> {
                awaitQuietly(scheduled);
                helper.run();
            });
            t.setDaemon(true);
            return t;
        });
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            AtomicIntegerArray runs = new AtomicIntegerArray(2);
            // The call runs on a thread of its own, so that waiting for the held-up helper fails
            // this test (after the timeout) instead of hanging it.
            caller.submit(() -> lanes.run(2, runs::incrementAndGet)).get(30, TimeUnit.SECONDS);
            assertThat(runs.get(0)).isEqualTo(1);
            assertThat(runs.get(1)).isEqualTo(1);
            // once it runs, the helper takes part in the next calls and leaves the finished one alone
            scheduled.countDown();
            for (int round = 0; round < 500; round++) {
                caller.submit(() -> lanes.run(2, runs::incrementAndGet)).get(30, TimeUnit.SECONDS);
            }
            assertThat(runs.get(0)).isEqualTo(501);
            assertThat(runs.get(1)).isEqualTo(501);
        } finally {
            scheduled.countDown();
            caller.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void twoCallersAtOnceBothGetAllTheirPartsRun() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<?>[] futures = new Future<?>[2];
            AtomicIntegerArray[] runs = {new AtomicIntegerArray(4), new AtomicIntegerArray(4)};
            for (int c = 0; c < 2; c++) {
                AtomicIntegerArray mine = runs[c];
                futures[c] = pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 2000; round++) {
                        Lanes.shared().run(4, mine::incrementAndGet);
                    }
                    return null;
                });
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            for (AtomicIntegerArray r : runs) {
                for (int p = 0; p < 4; p++) {
                    assertThat(r.get(p)).isEqualTo(2000);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
