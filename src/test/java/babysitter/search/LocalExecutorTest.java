package babysitter.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How the local pool divides OpenBLAS threads among parallel trials. */
class LocalExecutorTest {

    @Test
    void theCoresAreDividedAmongTheWorkersAndNoWorkerGetsMoreThanTheProcessSetting() {
        // the default setting (1 OpenBLAS thread) stays 1 whatever the pool
        assertThat(LocalExecutor.blasThreadsFor(1, 2, 1)).isEqualTo(1);
        assertThat(LocalExecutor.blasThreadsFor(2, 2, 1)).isEqualTo(1);
        // a larger setting is divided: two workers on two cores get one thread each
        assertThat(LocalExecutor.blasThreadsFor(1, 2, 2)).isEqualTo(2);
        assertThat(LocalExecutor.blasThreadsFor(2, 2, 2)).isEqualTo(1);
        assertThat(LocalExecutor.blasThreadsFor(2, 8, 8)).isEqualTo(4);
        assertThat(LocalExecutor.blasThreadsFor(1, 8, 4)).isEqualTo(4);
        // more workers than cores: never below one thread
        assertThat(LocalExecutor.blasThreadsFor(4, 2, 8)).isEqualTo(1);
    }

    @Test
    void aPoolNeedsAWorker() {
        assertThatThrownBy(() -> new LocalExecutor(0)).hasMessageContaining("workers must be at least 1, got 0");
    }
}
