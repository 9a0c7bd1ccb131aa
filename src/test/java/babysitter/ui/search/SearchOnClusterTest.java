package babysitter.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.search.EarlyStopping;
import babysitter.search.Method;
import babysitter.search.Search;
import babysitter.search.SearchSpace;
import babysitter.search.Settings;
import babysitter.search.Trial;
import babysitter.search.TrialState;
import babysitter.search.cluster.ClusterSpec;
import babysitter.search.cluster.Worker;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Search window's view-model running a search on a cluster (a coordinator that only
 * coordinates, and a worker member that joins once the search has started, both in this JVM on
 * 127.0.0.1): the worker's joining is an event, every trial names the worker as its member, and the
 * cluster line counts the members and slots. A single thread stands in for the JavaFX thread.
 */
class SearchOnClusterTest {
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theTrialsNameTheirMemberAndAJoiningMemberIsAnEvent(@TempDir Path tmp) throws Exception {
        int port = freePort();
        ClusterSpec coordinator = ClusterSpec.of("lab", List.of("127.0.0.1:" + port), "127.0.0.1:" + port, null);
        ExecutorService fx = Executors.newSingleThreadExecutor();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        SearchViewModel[] made = new SearchViewModel[1];
        SearchViewModel vm = onFx(fx, () -> new SearchViewModel(fx, runner, Clock.systemUTC(),
                n -> ClusterTrials.join(new ClusterForm.Choice(coordinator, 0), made[0].cluster())));
        made[0] = vm;
        SearchSpace space = SearchSpace.parse(SearchViewModelTest.SPACE, "test space", tmp);
        int workerPort = freePort();
        Worker worker = null;
        try (Search s = Search.create(tmp.resolve("s"), space, Method.RANDOM, 3, 0,
                new Settings(2, 1, EarlyStopping.none(), 4))) {
            onFx(fx, () -> {
                vm.attach(s, 1);
                vm.start();
                return null;
            });
            await(fx, "the coordinator has joined", () -> vm.cluster().textProperty().get().contains("member"));
            worker = Worker.join(ClusterSpec.of("lab", List.of("127.0.0.1:" + port), "127.0.0.1:" + workerPort, null),
                    1, tmp.resolve("scratch"), line -> { });
            worker.start();
            await(fx, "the search has finished", () -> !vm.progress().runningProperty().get());
            assertThat(s.trials()).allSatisfy(t -> assertThat(t.state()).as(t.note()).isEqualTo(TrialState.DONE));
            String member = "127.0.0.1:" + workerPort;
            List<String> members = onFx(fx, () -> s.trials().stream().map(Trial::id).map(vm.cluster()::memberOf).toList());
            assertThat(members).containsOnly(member).hasSize(3);
            List<String> events = onFx(fx, () -> List.copyOf(vm.cluster().events()));
            assertThat(events).anyMatch(e -> e.endsWith("joining cluster lab at 127.0.0.1:" + port + " (0 trials here at once)"));
            assertThat(events).anyMatch(e -> e.endsWith("member joined: " + member + " (worker, 1 slot)"));
            await(fx, "the line says the search left", () -> vm.cluster().textProperty().get().contains("left"));
            assertThat(onFx(fx, () -> vm.cluster().activeProperty().get())).as("the member column stays").isTrue();
        } finally {
            if (worker != null) {
                worker.close();
            }
            runner.shutdownNow();
            fx.shutdownNow();
        }
    }

    private static <T> T onFx(ExecutorService fx, Callable<T> c) throws Exception {
        return fx.submit(c).get(30, TimeUnit.SECONDS);
    }

    private static void await(ExecutorService fx, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!onFx(fx, condition)) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
