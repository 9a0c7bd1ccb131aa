package babysitter.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    /** A name with a space and parentheses, as the stat line's name field can hold. */
    private static final String NAME = "busy (one) x";

    @Test
    void aThreadThatWorkedIsCountedUnderItsName() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        ThreadCpu before = ThreadCpu.read();
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        CountDownLatch worked = new CountDownLatch(1);
        Thread busy = new Thread(() -> {
            // Until the thread itself has had 200 ms of CPU, however loaded the machine is.
            double x = 1;
            while (bean.getCurrentThreadCpuTime() < 200_000_000L) {
                x = Math.sqrt(x + 1);
            }
            worked.countDown();
            try { // still alive when the second reading is taken
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, NAME);
        busy.setDaemon(true);
        busy.start();
        assertThat(worked.await(60, TimeUnit.SECONDS)).isTrue();
        String shares = ThreadCpu.read().since(before);
        busy.interrupt();
        busy.join();

        assertThat(shares).contains(NAME + " ").contains("of one core");
        int at = shares.indexOf(NAME + " ") + NAME.length() + 1;
        int percent = Integer.parseInt(shares.substring(at, shares.indexOf(' ', at)));
        assertThat(percent).isPositive();
    }
}
