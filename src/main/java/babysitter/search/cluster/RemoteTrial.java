package babysitter.search.cluster;

import babysitter.search.EpochPoint;
import babysitter.search.TrialNote;
import babysitter.search.TrialTask;
import babysitter.store.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.collection.IQueue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * On a worker: one attempt of a trial, reporting home through the worker's {@link Outbox}. Each
 * epoch's point goes out with the run folder's new bytes, and the trial waits for the coordinator's
 * answer (go on or stop), exactly as a local trial waits for its search's stopping rule. It stops
 * between steps when the coordinator cancels it, leaves the cluster, or this worker shuts down
 * (then it is handed back).
 */
final class RemoteTrial implements TrialTask.Callback {
    private final Message task;
    private final Worker worker;
    private final IQueue<byte[]> results;
    private final IQueue<byte[]> replies;
    private final BooleanSupplier coordinatorGone;
    private ScratchSync sync;
    private volatile boolean handedBack;
    /** Numbers this attempt's reports, so that one delivered twice is recognised. */
    private long seq;

    RemoteTrial(Message task, Worker worker, BooleanSupplier coordinatorGone) {
        this.task = task;
        this.worker = worker;
        this.results = worker.hazelcast().getQueue(task.fields().path("replyTo").asText());
        this.replies = worker.hazelcast().getQueue(Channels.replies(task.token()));
        this.coordinatorGone = coordinatorGone;
    }

    @Override
    public void onStarted(int trialId, Path runDir) {
        sync = new ScratchSync(runDir);
        ObjectNode f = Json.object();
        f.put("folder", runDir.getFileName().toString());
        f.put("member", worker.memberId());
        f.put("address", worker.address());
        send(Message.Kind.STARTED, f);
        worker.outbox().later(() -> worker.tell(ClusterEvent.started(trialId))); // once home has been told
    }

    @Override
    public boolean onEpoch(int trialId, EpochPoint p, String checkpointId) {
        ObjectNode f = Json.object();
        f.put("epoch", p.epoch());
        // raw bits: the coordinator records the very same doubles (NaN included)
        f.put("trainCost", Double.doubleToRawLongBits(p.trainCost()));
        f.put("devCost", Double.doubleToRawLongBits(p.devCost()));
        f.put("devAccuracy", Double.doubleToRawLongBits(p.devAccuracy()));
        f.put("seconds", Double.doubleToRawLongBits(p.seconds()));
        f.put("checkpoint", checkpointId);
        send(Message.Kind.EPOCH, f);
        try {
            while (!cancelled(trialId)) {
                byte[] answer = replies.poll(250, TimeUnit.MILLISECONDS);
                if (answer != null) {
                    Message m = Message.decode(answer, worker.secret());
                    // an answer to an earlier epoch that came twice is not this one's
                    if (m.kind() == Message.Kind.REPLY && m.token().equals(task.token())
                            && m.fields().path("epoch").asInt(p.epoch()) == p.epoch()) {
                        return m.fields().path("go").asBoolean(false);
                    }
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Message.RefusedException e) {
            worker.say(ClusterNote.Kind.REFUSED_ANSWER, trialId, e.getMessage());
            return false;
        }
    }

    @Override
    public boolean cancelled(int trialId) {
        if (worker.stopping()) {
            handedBack = true;
            return true;
        }
        return worker.isCancelled(task.token()) || coordinatorGone.getAsBoolean();
    }

    @Override
    public void onFinished(int trialId) {
        if (coordinatorGone.getAsBoolean()) {
            return;
        }
        if (handedBack && !worker.isCancelled(task.token())) {
            ObjectNode fields = Json.object();
            TrialNote.memberShutDown(worker.memberId()).write(fields);
            send(Message.Kind.RETURNED, fields);
        } else {
            send(Message.Kind.FINISHED, Json.object());
        }
    }

    @Override
    public void onFailed(int trialId, TrialNote why) {
        if (!coordinatorGone.getAsBoolean()) {
            ObjectNode fields = Json.object();
            why.write(fields);
            send(Message.Kind.FAILED, fields);
        }
    }

    private synchronized void send(Message.Kind kind, ObjectNode fields) {
        fields.put("seq", ++seq);
        List<FileChunk> files;
        try {
            files = sync == null ? List.of() : sync.changes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scratch run folder of trial " + task.trialId() + ": "
                    + e.getMessage(), e);
        }
        // read and signed here, at this point of the trial; sent by the outbox while the trial goes on
        byte[] bytes = new Message(kind, task.token(), task.trialId(), fields, files).encode(worker.secret());
        worker.outbox().send(results, bytes, kind, task.trialId());
    }
}
