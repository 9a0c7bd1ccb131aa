package babysitter.search.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.search.EpochPoint;
import babysitter.search.TrialNote;
import babysitter.search.TrialTask;
import babysitter.session.configuration.ConfigFiles;
import babysitter.store.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.collection.IQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker's report delivered twice (Hazelcast's queues deliver at least once: when a member dies,
 * a poll whose answer was lost is repeated on the backup) is applied once: the run folder's lines
 * are appended once and the search hears of the epoch once.
 */
class DuplicateReportTest {
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aReportDeliveredTwiceIsAppliedOnce(@TempDir Path tmp) throws Exception {
        int port = WorkerProcess.freePort();
        ClusterSpec spec = ClusterSpec.of("lab", List.of("127.0.0.1:" + port), "127.0.0.1:" + port, null);
        List<Integer> epochs = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        try (ClusterExecutor ex = ClusterExecutor.start(spec, 0, line -> { })) {
            ex.execute(new TrialTask(1, ConfigFiles.parse("{\"data\": {\"kind\": \"blobs\", \"n\": 30}}", "t"),
                    tmp.resolve("runs"), 2), new TrialTask.Callback() {
                        @Override
                        public void onStarted(int trialId, Path runDir) {
                        }

                        @Override
                        public boolean onEpoch(int trialId, EpochPoint p, String checkpointId) {
                            epochs.add(p.epoch());
                            return true;
                        }

                        @Override
                        public void onFinished(int trialId) {
                            ended.countDown();
                        }

                        @Override
                        public void onFailed(int trialId, TrialNote why) {
                            failures.add(why.english());
                            ended.countDown();
                        }
                    });
            // a worker by hand: take the task, report its start, one epoch twice, its end
            IQueue<byte[]> tasks = ex.hazelcast().getQueue(Channels.TASKS);
            Message task = Message.decode(tasks.poll(20, TimeUnit.SECONDS), ClusterSecret.none());
            IQueue<byte[]> results = ex.hazelcast().getQueue(task.fields().path("replyTo").asText());
            ObjectNode started = Json.object().put("folder", "20260101-000000-trial-0001").put("member", "w");
            results.put(report(Message.Kind.STARTED, task, started, 1, new FileChunk("run.json", 0, true, "{}".getBytes(StandardCharsets.UTF_8))));
            ObjectNode epoch = Json.object().put("epoch", 1).put("trainCost", Double.doubleToRawLongBits(0.5))
                    .put("devCost", Double.doubleToRawLongBits(0.5)).put("devAccuracy", Double.doubleToRawLongBits(0.9))
                    .put("seconds", Double.doubleToRawLongBits(0.1)).put("checkpoint", "epoch-0001");
            byte[] once = report(Message.Kind.EPOCH, task, epoch, 2,
                    new FileChunk("metrics.jsonl", 0, false, "{\"epoch\":1}\n".getBytes(StandardCharsets.UTF_8)));
            results.put(once);
            results.put(once);
            results.put(report(Message.Kind.FINISHED, task, Json.object(), 3,
                    new FileChunk("metrics.jsonl", 12, false, "{\"epoch\":2}\n".getBytes(StandardCharsets.UTF_8))));
            assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(failures).isEmpty();
            assertThat(epochs).containsExactly(1);
            assertThat(Files.readString(tmp.resolve("runs/20260101-000000-trial-0001/metrics.jsonl")))
                    .isEqualTo("{\"epoch\":1}\n{\"epoch\":2}\n");
        }
    }

    private static byte[] report(Message.Kind kind, Message task, ObjectNode fields, long seq, FileChunk file) {
        fields.put("seq", seq);
        return new Message(kind, task.token(), task.trialId(), fields, List.of(file)).encode(ClusterSecret.none());
    }
}
