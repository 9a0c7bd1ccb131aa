package babysitter.search.cluster;

import babysitter.search.EpochPoint;
import babysitter.search.TrialExecutor;
import babysitter.search.TrialNote;
import babysitter.search.TrialTask;
import babysitter.session.training.Runs;
import babysitter.store.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a search's trials on the members of a cluster. This process joins as the coordinator: each
 * trial becomes a signed task on the cluster's queue (a fresh attempt token per dispatch), and one
 * thread here takes the workers' reports in order — it builds each trial's run folder under the
 * search's {@code runs/} ({@link RunMirror}), hands epochs to the search and answers go / stop. A
 * member that leaves with trials (claimed or running) has them handed back to the search, which
 * queues them again; messages of an attempt that was handed back are ignored.
 */
public final class ClusterExecutor implements TrialExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterExecutor.class);

    /** One dispatch of a trial. */
    private static final class Attempt {
        final TrialTask task;
        final TrialTask.Callback callback;
        final byte[] taskBytes;
        String member;
        RunMirror mirror;
        boolean cancelSent;
        /** The number of the last report taken from its worker (each counts up from 1). */
        long lastSeq;

        Attempt(TrialTask task, TrialTask.Callback callback, byte[] taskBytes) {
            this.task = task;
            this.callback = callback;
            this.taskBytes = taskBytes;
        }
    }

    private final HazelcastInstance hz;
    private final ClusterSecret secret;
    private final String name;
    private final Consumer<ClusterEvent> events;
    private final IQueue<byte[]> tasks;
    private final IQueue<byte[]> results;
    private final IMap<String, String> claims;
    private final Map<String, Attempt> attempts = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<String> leftMembers = new ConcurrentLinkedQueue<>();
    private final Map<Integer, String> trialMembers = new ConcurrentHashMap<>();
    private final Departures departures;
    private final AtomicInteger ended = new AtomicInteger();
    private final long joinedNanos = System.nanoTime();
    private final Thread pump;
    private final Worker localWorker;
    private volatile boolean closed;

    private ClusterExecutor(ClusterSpec spec, int slots, Consumer<ClusterEvent> events) throws IOException {
        this.secret = spec.secret() == null ? ClusterSecret.none() : spec.secret();
        this.name = spec.name();
        this.events = events;
        this.hz = Members.start(spec, "coordinator", slots);
        VersionRefusal refused = Members.refusal(Members.version(), hz.getCluster().getMembers());
        if (refused != null) {
            hz.shutdown();
            throw new VersionRefusal.Refused(refused);
        }
        this.tasks = hz.getQueue(Channels.TASKS);
        this.results = hz.getQueue(Channels.results(memberId()));
        this.claims = hz.getMap(Channels.CLAIMS);
        this.departures = new Departures(claims, tasks);
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                events.accept(Members.joined(e.getMember()));
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                events.accept(ClusterEvent.left(Members.address(e.getMember())));
                leftMembers.add(Members.id(e.getMember()));
            }
        });
        if (slots > 0) {
            Path scratch = Files.createTempDirectory("babysitter-cluster-");
            localWorker = new Worker(hz, secret, slots, scratch, events, false);
            localWorker.start();
        } else {
            localWorker = null;
        }
        pump = new Thread(this::pump, "cluster-coordinator");
        pump.setDaemon(true);
        pump.start();
    }

    /** Joins (or founds) the cluster as its coordinator, training {@code slots} trials here as well. */
    public static ClusterExecutor start(ClusterSpec spec, int slots, Consumer<ClusterEvent> events) throws IOException {
        return new ClusterExecutor(spec, slots, events);
    }

    /** The cluster's name. */
    public String name() {
        return name;
    }

    /** Members of the cluster now, this one included. */
    public int members() {
        return hz.getCluster().getMembers().size();
    }

    /** Trials the members train at once now. */
    public int slots() {
        return Members.slots(hz.getCluster().getMembers());
    }

    /** The members, busy slots, where each trial ran and the pace, now. */
    public ClusterStatus status() {
        int busy;
        synchronized (this) {
            busy = (int) attempts.values().stream().filter(a -> a.member != null).count();
        }
        return new ClusterStatus(name, Members.infos(hz.getCluster().getMembers()), busy, trialMembers, ended.get(),
                (System.nanoTime() - joinedNanos) / 3.6e12);
    }

    /** Every trial goes on the queue at once: the members' free slots decide how many run. */
    @Override
    public int workers() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void execute(TrialTask task, TrialTask.Callback callback) {
        String token = UUID.randomUUID().toString();
        ObjectNode f = Json.object();
        f.put("version", Members.version());
        f.put("coordinator", memberId());
        f.put("replyTo", Channels.results(memberId()));
        f.put("epochs", task.epochs());
        f.set("config", Json.MAPPER.valueToTree(task.config()));
        byte[] bytes = new Message(Message.Kind.TASK, token, task.trialId(), f).encode(secret);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the cluster executor is closed");
            }
            attempts.put(token, new Attempt(task, callback, bytes));
        }
        if (!tasks.offer(bytes)) {
            synchronized (this) {
                attempts.remove(token);
            }
            throw new IllegalStateException("the cluster's task queue is full");
        }
    }

    HazelcastInstance hazelcast() {
        return hz;
    }

    private String memberId() {
        return Members.id(hz.getCluster().getLocalMember());
    }

    /** The coordinator's one thread: reports in order, members that left, cancels. */
    private void pump() {
        while (!closed) {
            try {
                byte[] bytes = results.poll(100, TimeUnit.MILLISECONDS);
                if (bytes != null) {
                    handle(bytes);
                }
                if (!leftMembers.isEmpty()) {
                    // what a member sent before it left is applied before its trials are handed back
                    for (int backlog = results.size(); backlog > 0 && (bytes = results.poll()) != null; backlog--) {
                        handle(bytes);
                    }
                }
                for (String left; (left = leftMembers.poll()) != null; ) {
                    handBack(left);
                }
                handBackUnclaimed();
                cancelWhereAsked();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed || !hz.getLifecycleService().isRunning()) {
                    return;
                }
                LOG.warn("handling a report failed", e);
            }
        }
    }

    private void handle(byte[] bytes) {
        Message m;
        try {
            m = Message.decode(bytes, secret);
        } catch (Message.RefusedException e) {
            events.accept(ClusterEvent.note(ClusterNote.Kind.REFUSED_REPORT, e.getMessage()));
            return;
        }
        Attempt a;
        synchronized (this) {
            a = attempts.get(m.token());
        }
        if (a == null) {
            // an attempt that was handed back: a worker still training it (its member was thought
            // gone, or it took the task twice) would wait for answers that never come, so it is stopped
            if (m.kind() == Message.Kind.STARTED || m.kind() == Message.Kind.EPOCH) {
                publishCancel(m.token(), m.trialId());
            }
            return;
        }
        int id = a.task.trialId();
        // Hazelcast's queues deliver at least once: when a member dies, a poll whose answer was lost is
        // repeated on the backup copy, and a report can come twice. Its number says so.
        long seq = m.fields() == null ? 0 : m.fields().path("seq").asLong(0);
        if (seq > 0 && seq <= a.lastSeq) {
            LOG.debug("trial {}: report {} came again, ignored", id, seq);
            return;
        }
        a.lastSeq = Math.max(a.lastSeq, seq);
        try {
            if (a.mirror != null) {
                a.mirror.apply(m.files());
            }
            switch (m.kind()) {
                case STARTED -> {
                    a.member = m.fields().path("member").asText();
                    trialMembers.put(id, Members.label(hz.getCluster().getMembers(), a.member));
                    a.mirror = RunMirror.create(a.task.runsRoot(), m.fields().path("folder").asText());
                    a.mirror.apply(m.files());
                    a.callback.onStarted(id, a.mirror.dir(), m.fields().path("address").asText(null));
                }
                case EPOCH -> {
                    ObjectNode f = m.fields();
                    EpochPoint p = new EpochPoint(f.path("epoch").asInt(), bits(f, "trainCost"), bits(f, "devCost"),
                            bits(f, "devAccuracy"), bits(f, "seconds"));
                    boolean go = a.callback.onEpoch(id, p, f.path("checkpoint").asText());
                    hz.<byte[]>getQueue(Channels.replies(m.token()))
                            .offer(new Message(Message.Kind.REPLY, m.token(), id, Json.object().put("go", go).put("epoch", p.epoch()))
                                    .encode(secret));
                }
                case FINISHED -> end(m.token(), a, () -> {
                    ended.incrementAndGet();
                    a.callback.onFinished(id);
                });
                case FAILED -> end(m.token(), a, () -> {
                    ended.incrementAndGet();
                    a.callback.onFailed(id, TrialNote.read(m.fields()));
                });
                case RETURNED -> end(m.token(), a, () -> a.callback.onReturned(id, TrialNote.read(m.fields())));
                default -> events.accept(ClusterEvent.note(ClusterNote.Kind.IGNORED_REPORT, m.kind(), id));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("trial {}: cannot write its run folder", id, e);
            cancel(m.token(), a);
            end(m.token(), a, () -> a.callback.onFailed(id, TrialNote.runFolder(e.getMessage())));
        }
    }

    private static double bits(ObjectNode f, String field) {
        return Double.longBitsToDouble(f.path(field).asLong());
    }

    /** The attempt is over: forget it (its later messages are ignored), then tell the search. */
    private void end(String token, Attempt a, Runnable report) {
        synchronized (this) {
            if (attempts.remove(token) == null) {
                return;
            }
        }
        if (a.mirror != null) {
            a.mirror.close();
        }
        claims.removeAsync(token);
        hz.getQueue(Channels.replies(token)).destroy();
        report.run();
    }

    /** Trials a member that left had claimed or was training go back to the search ({@link Departures}). */
    private void handBack(String member) {
        Map<String, String> owners = new HashMap<>();
        synchronized (this) {
            attempts.forEach((token, a) -> owners.put(token, a.member));
        }
        for (String token : departures.left(member, owners, System.nanoTime())) {
            giveBack(token, ClusterEvent::back, TrialNote.memberLeft());
        }
    }

    /** Tasks a member that left took but never claimed go back to the search, after a grace. */
    private void handBackUnclaimed() {
        for (String token : departures.due(System.nanoTime(), this::unstartedTask)) {
            giveBack(token, ClusterEvent::backUnclaimed, TrialNote.unclaimed());
        }
    }

    private synchronized byte[] unstartedTask(String token) {
        Attempt a = attempts.get(token);
        return a == null || a.member != null ? null : a.taskBytes;
    }

    private void giveBack(String token, IntFunction<ClusterEvent> event, TrialNote why) {
        Attempt a;
        synchronized (this) {
            a = attempts.get(token);
        }
        if (a != null) {
            events.accept(event.apply(a.task.trialId()));
            end(token, a, () -> a.callback.onReturned(a.task.trialId(), why));
        }
    }

    /** Queued trials the search cancelled leave the queue; running ones are told to stop. */
    private void cancelWhereAsked() {
        List<Map.Entry<String, Attempt>> all;
        synchronized (this) {
            all = new ArrayList<>(attempts.entrySet());
        }
        for (Map.Entry<String, Attempt> e : all) {
            Attempt a = e.getValue();
            if (!a.cancelSent && a.callback.cancelled(a.task.trialId())) {
                if (a.member == null && tasks.remove(a.taskBytes)) {
                    end(e.getKey(), a, () -> a.callback.onFinished(a.task.trialId()));
                } else {
                    cancel(e.getKey(), a);
                }
            }
        }
    }

    private void cancel(String token, Attempt a) {
        a.cancelSent = true;
        publishCancel(token, a.task.trialId());
    }

    private void publishCancel(String token, int trialId) {
        hz.getTopic(Channels.CANCELS).publish(new Message(Message.Kind.CANCEL, token, trialId, null).encode(secret));
    }

    /** Stops the local slots and leaves the cluster; trials still out are the search's to restart. */
    @Override
    public void close() {
        if (localWorker != null) {
            localWorker.close();
        }
        closed = true;
        try {
            pump.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            attempts.values().forEach(a -> {
                if (a.mirror != null) {
                    a.mirror.close();
                }
            });
            attempts.clear();
        }
        if (hz.getLifecycleService().isRunning()) {
            hz.shutdown();
        }
    }
}
