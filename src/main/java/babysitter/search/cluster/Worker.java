package babysitter.search.cluster;

import babysitter.search.LocalExecutor;
import babysitter.search.TrialNote;
import babysitter.search.TrialTask;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains trials of the cluster's task queue, {@code slots} at once: each slot takes a task only when
 * it is free (so a slow member never holds a queue of trials), checks its signature and version,
 * trains it in a scratch folder as the local pool would, and reports home through a
 * {@link RemoteTrial}. {@link #close} hands the running trials back before the member leaves.
 */
public final class Worker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final HazelcastInstance hz;
    private final ClusterSecret secret;
    private final int slots;
    private final Path scratch;
    private final Consumer<ClusterEvent> events;
    private final boolean ownsInstance;
    private final Set<String> cancelledTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> leftMembers = ConcurrentHashMap.newKeySet();
    /** The attempts this worker has taken: one delivered to it again is not trained twice. */
    private final Set<String> taken = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger trained = new AtomicInteger();
    private volatile boolean stopping;
    private volatile long lastActive = System.nanoTime();
    private volatile String refusal;
    private final TrialRunner runner;
    private final Outbox outbox;

    /** How a slot trains one trial; the local pool's way unless a measurement replaces it. */
    @FunctionalInterface
    interface TrialRunner {
        void run(TrialTask task, TrialTask.Callback callback);
    }

    /** A worker on an existing member (the coordinator's own slots) or on one of its own ({@link #join}). */
    public Worker(HazelcastInstance hz, ClusterSecret secret, int slots, Path scratch, Consumer<ClusterEvent> events,
                  boolean ownsInstance) {
        this(hz, secret, slots, scratch, events, ownsInstance, (task, cb) -> LocalExecutor.runTrial(task, cb, Clock.systemUTC()));
    }

    Worker(HazelcastInstance hz, ClusterSecret secret, int slots, Path scratch, Consumer<ClusterEvent> events,
           boolean ownsInstance, TrialRunner runner) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1, got " + slots);
        }
        this.hz = hz;
        this.secret = secret;
        this.slots = slots;
        this.scratch = scratch;
        this.events = events;
        this.ownsInstance = ownsInstance;
        this.runner = runner;
        this.outbox = new Outbox(this::tell);
        hz.getCluster().addMembershipListener(new MembershipListener() {
            // the coordinator's own slots leave telling joins and departures to the coordinator
            @Override
            public void memberAdded(MembershipEvent e) {
                VersionRefusal refused = Members.refusal(Members.version(), List.of(e.getMember()));
                if (ownsInstance || refused != null) {
                    events.accept(refused != null ? ClusterEvent.note(ClusterNote.Kind.IGNORED_OTHER_VERSION, refused.mine(),
                            Members.address(e.getMember()), refused.others().values().iterator().next())
                            : Members.joined(e.getMember()));
                }
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                leftMembers.add(Members.id(e.getMember()));
                if (ownsInstance) {
                    events.accept(ClusterEvent.left(Members.address(e.getMember())));
                }
            }
        });
        hz.getTopic(Channels.CANCELS).addMessageListener(m -> {
            try {
                Message c = Message.decode((byte[]) m.getMessageObject(), secret);
                if (c.kind() == Message.Kind.CANCEL) {
                    cancelledTokens.add(c.token());
                }
            } catch (Message.RefusedException | ClassCastException e) {
                say(ClusterNote.Kind.REFUSED_CANCEL, e.getMessage());
            }
        });
    }

    /**
     * Starts a worker member of the cluster; refuses (closes it again and throws) when a member of
     * another Babysitter version is there.
     */
    public static Worker join(ClusterSpec spec, int slots, Path scratch, Consumer<ClusterEvent> events) {
        return join(spec, slots, scratch, events, (task, cb) -> LocalExecutor.runTrial(task, cb, Clock.systemUTC()));
    }

    static Worker join(ClusterSpec spec, int slots, Path scratch, Consumer<ClusterEvent> events, TrialRunner runner) {
        HazelcastInstance hz = Members.start(spec, "worker", slots);
        VersionRefusal refused = Members.refusal(Members.version(), hz.getCluster().getMembers());
        if (refused != null) {
            hz.shutdown();
            throw new VersionRefusal.Refused(refused);
        }
        return new Worker(hz, spec.secret() == null ? ClusterSecret.none() : spec.secret(), slots, scratch, events, true, runner);
    }

    /** Starts the slots. */
    public void start() {
        LocalExecutor.configureThreads(slots);
        for (int i = 1; i <= slots; i++) {
            Thread t = new Thread(this::pull, "cluster-slot-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Members of the cluster now, this one included. */
    public int members() {
        return hz.getCluster().getMembers().size();
    }

    /** Trials this worker has trained (to any end) so far. */
    public int trained() {
        return trained.get();
    }

    /** Why the worker stopped taking trials (another version's tasks), or null. */
    public String refusal() {
        return refusal;
    }

    /**
     * Blocks until the worker is stopping, or (with {@code idleSeconds > 0}) until no trial ran for
     * that long.
     */
    public void await(long idleSeconds) throws InterruptedException {
        while (!stopping) {
            Thread.sleep(200);
            // decided under the lock a slot takes a task under: never leave with a task just taken
            synchronized (busy) {
                if (idleSeconds > 0 && busy.get() == 0
                        && System.nanoTime() - lastActive > TimeUnit.SECONDS.toNanos(idleSeconds)) {
                    stopping = true;
                    say(ClusterNote.Kind.IDLE_LEAVING, idleSeconds);
                    return;
                }
            }
        }
    }

    private void pull() {
        while (!stopping) {
            try {
                Claimed c = claim();
                if (c != null) {
                    try {
                        run(c);
                    } finally {
                        busy.decrementAndGet();
                        lastActive = System.nanoTime();
                    }
                }
            } catch (RuntimeException e) {
                if (stopping || !hz.getLifecycleService().isRunning()) {
                    return;
                }
                LOG.warn("taking a trial failed", e);
                say(ClusterNote.Kind.TAKING_FAILED, e.getMessage());
            }
        }
    }

    private record Claimed(Message task, byte[] bytes) {
    }

    /**
     * Takes a task, then claims it. Two round trips and no transaction: a member that dies between
     * the two leaves a task that is neither queued nor claimed, and the coordinator hands such a task
     * back once the member is gone ({@code ClusterExecutor}). The claim is first-come: the queue
     * delivers at least once, so when the member holding it dies a task can reach two slots, and the
     * second one drops it.
     */
    private Claimed claim() {
        IQueue<byte[]> queue = hz.getQueue(Channels.TASKS);
        byte[] bytes;
        try {
            bytes = queue.poll(500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (bytes == null) {
            return null;
        }
        synchronized (busy) {
            if (stopping) {
                queue.offer(bytes); // leaving: the task goes back for another member
                return null;
            }
            busy.incrementAndGet(); // from here the slot is busy: the idle limit cannot end the worker
        }
        Message task = null;
        IMap<String, String> claims = hz.getMap(Channels.CLAIMS);
        boolean claimed = false;
        try {
            task = Message.decode(bytes, secret);
            String holder = claims.putIfAbsent(task.token(), memberId());
            // my own id back: a retried claim of this take, or this task delivered to me a second time
            boolean mine = holder == null || holder.equals(memberId());
            claimed = mine && taken.add(task.token());
            if (!claimed) {
                say(mine ? ClusterNote.Kind.DELIVERED_TWICE_HERE : ClusterNote.Kind.DELIVERED_TWICE_ELSEWHERE,
                        task.trialId());
            }
            return claimed ? new Claimed(task, bytes) : null;
        } catch (Message.RefusedException e) {
            say(ClusterNote.Kind.DROPPED_TASK, e.getMessage());
            return null;
        } catch (RuntimeException e) {
            giveBack(queue, claims, task, bytes);
            throw e;
        } finally {
            if (!claimed) {
                busy.decrementAndGet(); // the slot is free again
            }
        }
    }

    /** A task taken but not claimed for certain goes back to the queue, unclaimed, if the cluster lets it. */
    private void giveBack(IQueue<byte[]> queue, IMap<String, String> claims, Message task, byte[] bytes) {
        try {
            if (task != null) {
                claims.remove(task.token(), memberId());
            }
            queue.offer(bytes);
        } catch (RuntimeException e) {
            LOG.warn("could not give a task back: {}", e.toString()); // the coordinator hands it back when this member leaves
        }
    }

    private void run(Claimed c) {
        Message task = c.task();
        ObjectNode f = task.fields();
        String version = f.path("version").asText();
        if (!version.equals(Members.version())) {
            ClusterNote otherVersion = ClusterNote.of(ClusterNote.Kind.OTHER_VERSION, Members.version(), version);
            refusal = otherVersion.english();
            hz.getQueue(Channels.TASKS).offer(c.bytes());
            tell(ClusterEvent.note(otherVersion));
            stopping = true;
            return;
        }
        String coordinator = f.path("coordinator").asText();
        if (leftMembers.contains(coordinator) || hz.getCluster().getMembers().stream()
                .noneMatch(m -> Members.id(m).equals(coordinator))) {
            say(ClusterNote.Kind.COORDINATOR_LEFT, task.trialId());
            return;
        }
        RemoteTrial remote = new RemoteTrial(task, this, () -> leftMembers.contains(coordinator));
        Path root = scratch.resolve(task.token());
        try {
            RunConfig config = ConfigFiles.fromJson(f.path("config"), "trial " + task.trialId());
            runner.run(new TrialTask(task.trialId(), config, root, f.path("epochs").asInt()), remote);
            trained.incrementAndGet();
            events.accept(ClusterEvent.ended(task.trialId()));
        } catch (ConfigException | RuntimeException e) {
            remote.onFailed(task.trialId(), TrialNote.error(e.getMessage()));
        } finally {
            outbox.later(() -> deleteQuietly(root)); // after the last report, which reads the folder
        }
    }

    HazelcastInstance hazelcast() {
        return hz;
    }

    Outbox outbox() {
        return outbox;
    }

    ClusterSecret secret() {
        return secret;
    }

    /** This member's host:port, as the trials' log names where a trial ran. */
    String address() {
        return Members.address(hz.getCluster().getLocalMember());
    }

    String memberId() {
        return Members.id(hz.getCluster().getLocalMember());
    }

    boolean stopping() {
        return stopping;
    }

    boolean isCancelled(String token) {
        return cancelledTokens.contains(token);
    }

    /** Tells the listener a rarer note of {@code kind} with its values. */
    void say(ClusterNote.Kind kind, Object... values) {
        events.accept(ClusterEvent.note(kind, values));
    }

    void tell(ClusterEvent e) {
        events.accept(e);
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete the scratch folder {}: {}", root, e.toString());
        }
    }

    /** Hands the running trials back (they stop at their next step), then leaves the cluster. */
    @Override
    public void close() {
        stopping = true;
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        outbox.close(); // the handed-back trials' last reports go out before the member leaves
        if (ownsInstance && hz.getLifecycleService().isRunning()) {
            hz.shutdown();
        }
    }
}
