package babysitter.session.training;

import babysitter.engine.Hyperparameters;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.session.configuration.ScheduleEntry;
import babysitter.store.AtomicFiles;
import babysitter.store.Event;
import babysitter.store.Run;
import babysitter.store.RunEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded run written down as a configuration: its own settings with every change of
 * hyperparameters on the way to its newest branch (by hand, by a rule or by its schedule) as a
 * schedule entry at the step where it happened, so that {@code train --config} trains that branch's
 * numbers again, headless. Changes on branches left by a rewind are not on the way and are left out.
 */
public final class RunAsConfiguration {
    private RunAsConfiguration() {
    }

    /** The configuration that trains {@code run}'s newest branch again. */
    public static RunConfig of(Run run) throws ConfigException {
        RunConfig config = Runs.configOf(run);
        List<RunEvent> events = run.events();
        int newest = 0;
        for (RunEvent e : events) {
            newest = Math.max(newest, e.branch());
        }
        List<ScheduleEntry> entries = new ArrayList<>();
        for (RunEvent e : changesUpTo(run, newest, events.size())) {
            Event.HyperparametersChanged change = (Event.HyperparametersChanged) e.event();
            Hyperparameters from = change.from();
            Hyperparameters to = change.to();
            if (!to.withLearningRate(from.learningRate()).withMomentum(from.momentum())
                    .withBetas(from.beta1(), from.beta2()).withBatchSize(from.batchSize())
                    .withOptimizer(from.optimizer()).equals(from)) {
                throw new ConfigException("", run.dir().resolve("events.jsonl") + ": the change at step " + e.step()
                        + " sets more than a schedule can (learningRate, momentum, beta1, beta2, batchSize, optimizer)");
            }
            ScheduleEntry.Change entry = ScheduleEntry.Change.between(from, to);
            if (entry != null) {
                entries.add(new ScheduleEntry(new ScheduleEntry.At(null, e.step()), entry));
            }
        }
        return config.withSchedule(entries);
    }

    /** Writes {@link #of}'s configuration to {@code file} as indented JSON (atomically). */
    public static void write(Run run, Path file) throws ConfigException, IOException {
        String json = ConfigFiles.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(of(run));
        AtomicFiles.write(file, (json + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The "hyperparameters" events in effect on {@code branch} before event number {@code limit}:
     * those of the branch it was rewound from, up to the checkpoint it went back to, then its own.
     */
    private static List<RunEvent> changesUpTo(Run run, int branch, int limit) throws ConfigException {
        List<RunEvent> events = run.events();
        List<RunEvent> changes = new ArrayList<>();
        int start = 0;
        if (branch > 0) {
            int rewind = -1;
            for (int i = 0; i < limit && rewind < 0; i++) {
                if (events.get(i).event() instanceof Event.Rewind && events.get(i).branch() == branch) {
                    rewind = i;
                }
            }
            int checkpoint = -1;
            String to = rewind < 0 ? "" : ((Event.Rewind) events.get(rewind).event()).to();
            for (int i = 0; i < rewind; i++) {
                if (events.get(i).event() instanceof Event.CheckpointTaken c && c.id().equals(to)) {
                    checkpoint = i;
                }
            }
            if (checkpoint < 0) {
                throw new ConfigException("", run.dir().resolve("events.jsonl") + ": branch " + branch
                        + (rewind < 0 ? " has no recorded start" : " starts from checkpoint " + to
                        + ", which the events do not record"));
            }
            changes.addAll(changesUpTo(run, events.get(checkpoint).branch(), checkpoint));
            start = rewind + 1;
        }
        for (int i = start; i < limit; i++) {
            RunEvent e = events.get(i);
            if (e.branch() == branch && e.event() instanceof Event.HyperparametersChanged) {
                changes.add(e);
            } else if (e.branch() == branch && e.event() instanceof Event.Other o && o.problem() != null
                    && o.kind().equals("hyperparameters")) {
                throw Replay.unreadable(run, e, o);
            }
        }
        return changes;
    }
}
