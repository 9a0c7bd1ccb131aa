package babysitter.search.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.search.EpochPoint;
import babysitter.search.TrialNote;
import babysitter.search.TrialTask;
import babysitter.session.configuration.ConfigFiles;
import babysitter.store.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker takes a task from the queue and then claims it, in two steps. A task taken by a member
 * that dies before claiming it is handed back and trained elsewhere; a task that reaches a second
 * slot (the queue delivers at least once) is dropped there, since another member holds the claim.
 */
class TakenTaskTest {
    /** A trial's ends as the search would see them; a returned trial is queued again, as the search does. */
    private static final class Ends implements TrialTask.Callback {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final CountDownLatch finished = new CountDownLatch(1);
        ClusterExecutor executor;
        TrialTask task;

        @Override
        public void onStarted(int trialId, Path runDir) {
            seen.add("started");
        }

        @Override
        public boolean onEpoch(int trialId, EpochPoint p, String checkpointId) {
            return true;
        }

        @Override
        public void onFinished(int trialId) {
            seen.add("finished");
            finished.countDown();
        }

        @Override
        public void onFailed(int trialId, TrialNote why) {
            seen.add("failed: " + why);
            finished.countDown();
        }

        @Override
        public void onReturned(int trialId, TrialNote why) {
            seen.add("returned");
            executor.execute(task, this);
        }
    }

    /** Trains nothing: makes the run folder, reports start and end, and notes which trials it ran. */
    private static Worker.TrialRunner noting(List<Integer> ran) {
        return (task, cb) -> {
            try {
                Path dir = Files.createDirectories(task.runsRoot().resolve("trial-" + task.trialId()));
                Files.writeString(dir.resolve("run.json"), "{}");
                ran.add(task.trialId());
                cb.onStarted(task.trialId(), dir);
                cb.onFinished(task.trialId());
            } catch (Exception e) {
                cb.onFailed(task.trialId(), TrialNote.error(e.toString()));
            }
        };
    }

    private static ClusterSpec member(int port, int coordinatorPort) {
        return ClusterSpec.of("lab", List.of("127.0.0.1:" + coordinatorPort), "127.0.0.1:" + port, null);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aTaskTakenByAMemberThatDiesBeforeClaimingItIsTrainedElsewhere(@TempDir Path tmp) throws Exception {
        int port = WorkerProcess.freePort();
        Ends ends = new Ends();
        List<Integer> ran = new CopyOnWriteArrayList<>();
        try (ClusterExecutor ex = ClusterExecutor.start(member(port, port), 0, line -> { })) {
            HazelcastInstance taker = Members.start(member(WorkerProcess.freePort(), port), "worker", 1);
            ends.executor = ex;
            ends.task = new TrialTask(1, ConfigFiles.parse("{\"data\": {\"kind\": \"blobs\", \"n\": 30}}", "t"),
                    tmp.resolve("runs"), 1);
            ex.execute(ends.task, ends);
            assertThat(taker.<byte[]>getQueue(Channels.TASKS).poll(20, TimeUnit.SECONDS)).isNotNull();
            taker.getLifecycleService().terminate(); // gone between taking and claiming

            try (Worker w = Worker.join(member(WorkerProcess.freePort(), port), 1, tmp.resolve("scratch"), line -> { },
                    noting(ran))) {
                w.start();
                assertThat(ends.finished.await(60, TimeUnit.SECONDS)).as("the trial finished").isTrue();
            }
        }
        assertThat(ends.seen).containsExactly("returned", "started", "finished");
        assertThat(ran).containsExactly(1);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aTaskDeliveredToASecondSlotIsDroppedThereForTheMemberThatClaimedIt(@TempDir Path tmp) throws Exception {
        int port = WorkerProcess.freePort();
        Ends ends = new Ends();
        List<Integer> ran = new CopyOnWriteArrayList<>();
        List<String> said = new CopyOnWriteArrayList<>();
        try (ClusterExecutor ex = ClusterExecutor.start(member(port, port), 0, line -> { })) {
            ends.executor = ex;
            ends.task = new TrialTask(1, ConfigFiles.parse("{\"data\": {\"kind\": \"blobs\", \"n\": 30}}", "t"),
                    tmp.resolve("runs"), 1);
            try (Worker holder = Worker.join(member(WorkerProcess.freePort(), port), 1, tmp.resolve("a"), line -> { },
                    noting(ran));
                 Worker second = Worker.join(member(WorkerProcess.freePort(), port), 1, tmp.resolve("b"), e -> said.add(e.toString()),
                         noting(ran))) {
                // the holder takes and claims the task; a copy of it stays on the queue, as a repeated delivery leaves one
                ex.execute(ends.task, ends);
                IQueue<byte[]> tasks = ex.hazelcast().getQueue(Channels.TASKS);
                byte[] bytes = tasks.poll(20, TimeUnit.SECONDS);
                Message task = Message.decode(bytes, ClusterSecret.none());
                ex.hazelcast().<String, String>getMap(Channels.CLAIMS).put(task.token(), holder.memberId());
                tasks.put(bytes);

                second.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (said.stream().noneMatch(l -> l.contains("another member took it")) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(said).anyMatch(l -> l.contains("dropped trial 1: another member took it"));
                assertThat(tasks).isEmpty();
                assertThat(ran).isEmpty();
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aWorkerStillTrainingAnAttemptTheCoordinatorNoLongerHasIsToldToStop(@TempDir Path tmp) throws Exception {
        int port = WorkerProcess.freePort();
        try (ClusterExecutor ex = ClusterExecutor.start(member(port, port), 0, line -> { })) {
            BlockingQueue<byte[]> cancels = new LinkedBlockingQueue<>();
            ex.hazelcast().getTopic(Channels.CANCELS).addMessageListener(m -> cancels.add((byte[]) m.getMessageObject()));
            IQueue<byte[]> results = ex.hazelcast().getQueue(Channels.results(
                    Members.id(ex.hazelcast().getCluster().getLocalMember())));
            ObjectNode started = Json.object().put("folder", "trial-0009").put("member", "w").put("seq", 1);
            results.put(new Message(Message.Kind.STARTED, "a-handed-back-attempt", 9, started).encode(ClusterSecret.none()));
            byte[] sent = cancels.poll(20, TimeUnit.SECONDS);
            assertThat(sent).isNotNull();
            Message cancel = Message.decode(sent, ClusterSecret.none());
            assertThat(cancel.kind()).isEqualTo(Message.Kind.CANCEL);
            assertThat(cancel.token()).isEqualTo("a-handed-back-attempt");
        }
    }
}
