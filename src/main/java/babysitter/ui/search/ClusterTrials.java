package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.search.TrialExecutor;
import babysitter.search.TrialTask;
import babysitter.search.cluster.ClusterExecutor;
import babysitter.search.cluster.VersionRefusal;
import babysitter.search.cluster.ClusterStatus;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Search window's executor of trials on a cluster: this process joins as the coordinator
 * (on the search's own thread: joining takes seconds) and the window's {@link ClusterLine} follows
 * the cluster until the search stops and leaves it.
 */
final class ClusterTrials implements TrialExecutor {
    private final ClusterExecutor cluster;
    private final ClusterLine line;

    private ClusterTrials(ClusterExecutor cluster, ClusterLine line) {
        this.cluster = cluster;
        this.line = line;
    }

    /** Joins the cluster of {@code choice}; a failure to join is thrown (the window shows it). */
    static ClusterTrials join(ClusterForm.Choice choice, ClusterLine line) {
        line.event(Texts.get("search.cluster.joining", choice.spec().name(), String.join(", ", choice.spec().members()),
                choice.slots()));
        try {
            ClusterExecutor ex = ClusterExecutor.start(choice.spec(), choice.slots(),
                    e -> line.event(ClusterEventWords.say(e)));
            line.attach(choice.spec().name(), ex::status);
            return new ClusterTrials(ex, line);
        } catch (IOException e) {
            // shown in the window's banner
            throw new UncheckedIOException(Texts.get("search.cluster.cannotJoin", choice.spec().name(), e.getMessage()), e);
        } catch (VersionRefusal.Refused e) {
            throw new IllegalStateException(Texts.get("search.cluster.cannotJoin", choice.spec().name(),
                    ClusterEventWords.refusal(e.refusal())), e);
        }
    }

    @Override
    public int workers() {
        return cluster.workers();
    }

    @Override
    public void execute(TrialTask task, TrialTask.Callback callback) {
        cluster.execute(task, callback);
    }

    @Override
    public void close() {
        ClusterStatus last;
        try {
            last = cluster.status();
        } catch (RuntimeException e) {
            last = null; // already out of the cluster
        }
        line.detach(last);
        cluster.close();
    }
}
