package babysitter.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * What one executor task reports back to its {@link Search}: started, each epoch (where the
 * stopping rule and a cancel are decided), finished or failed. Each report changes the trial under
 * the search's lock, appends its line to the log, and tells the listeners after the lock is let go.
 */
final class TrialReports implements TrialTask.Callback {
    private final Search search;

    TrialReports(Search search) {
        this.search = search;
    }

    @Override
    public void onStarted(int trialId, Path runDir) {
        onStarted(trialId, runDir, null);
    }

    /** The line says where the trial runs when it runs on a cluster. */
    @Override
    public void onStarted(int trialId, Path runDir, String member) {
        Trial t;
        synchronized (search) {
            Trial old = search.trials.get(trialId);
            t = new Trial(trialId, old.round(), old.values(), TrialState.RUNNING, List.of(), Double.NaN, -1, null,
                    runDir, TrialNote.NONE);
            search.trials.put(trialId, t);
            ObjectNode line = TrialLog.line("started", trialId);
            line.put("runDir", search.relative(runDir));
            if (member != null) {
                line.put("member", member);
            }
            search.log.append(line);
        }
        Trial snapshot = t;
        search.emit(l -> l.onTrial(snapshot));
    }

    @Override
    public boolean onEpoch(int trialId, EpochPoint p, String checkpointId) {
        Trial t;
        boolean goOn;
        synchronized (search) {
            Trial old = search.trials.get(trialId);
            t = old.withEpoch(p, checkpointId);
            ObjectNode line = TrialLog.line("epoch", trialId);
            line.put("epoch", p.epoch());
            TrialLog.put(line, "trainCost", p.trainCost());
            TrialLog.put(line, "devCost", p.devCost());
            TrialLog.put(line, "devAccuracy", p.devAccuracy());
            TrialLog.put(line, "seconds", p.seconds());
            line.put("checkpoint", checkpointId);
            search.log.append(line);
            TrialNote stop = null;
            if (p.epoch() < search.settings().epochs()) {
                StoppingRule rule = search.rules.get(t.round());
                stop = rule == null ? null : rule.check(trialId, p.epoch(), t.bestDevAccuracy());
            }
            if (stop != null) {
                t = t.withState(TrialState.STOPPED, stop);
                ObjectNode fin = TrialLog.line("finished", trialId);
                fin.put("state", "STOPPED");
                stop.write(fin);
                search.log.append(fin);
                goOn = false;
            } else if (search.cancelled) {
                search.cancelledTrials.add(trialId);
                goOn = false;
            } else {
                goOn = true;
            }
            search.trials.put(trialId, t);
        }
        Trial snapshot = t;
        search.emit(l -> l.onTrial(snapshot));
        return goOn;
    }

    @Override
    public boolean cancelled(int trialId) {
        if (search.cancelled) {
            synchronized (search) {
                search.cancelledTrials.add(trialId);
            }
            return true;
        }
        return false;
    }

    @Override
    public void onFinished(int trialId) {
        Trial t;
        synchronized (search) {
            Trial old = search.trials.get(trialId);
            if (old.state() == TrialState.RUNNING) {
                if (search.cancelledTrials.remove(trialId)) {
                    t = old.withState(TrialState.PENDING, TrialNote.cancelled(old.curve().size()));
                    ObjectNode line = TrialLog.line("cancelled", trialId);
                    t.why().write(line);
                    search.log.append(line);
                } else {
                    t = old.withState(TrialState.DONE, TrialNote.NONE);
                    ObjectNode line = TrialLog.line("finished", trialId);
                    line.put("state", "DONE");
                    TrialNote.NONE.write(line);
                    search.log.append(line);
                }
                search.trials.put(trialId, t);
            } else {
                t = old;
            }
            search.inFlight.remove(trialId);
            search.notifyAll();
        }
        Trial snapshot = t;
        search.emit(l -> l.onTrial(snapshot));
    }

    @Override
    public void onFailed(int id, TrialNote why) {
        Trial t;
        synchronized (search) {
            t = search.trials.get(id);
            if (t == null || t.state().finished()) {
                search.inFlight.remove(id);
                search.notifyAll();
                return;
            }
            t = t.withState(TrialState.FAILED, why);
            search.trials.put(id, t);
            ObjectNode line = TrialLog.line("finished", id);
            line.put("state", "FAILED");
            why.write(line);
            search.log.append(line);
            search.inFlight.remove(id);
            search.notifyAll();
        }
        Trial snapshot = t;
        search.emit(l -> l.onTrial(snapshot));
    }

    @Override
    public void onReturned(int id, TrialNote why) {
        Trial t;
        synchronized (search) {
            Trial old = search.trials.get(id);
            if (old == null || old.state().finished()) {
                search.inFlight.remove(id);
                search.notifyAll();
                return;
            }
            t = old.withState(TrialState.PENDING, why.handsBack() ? why : TrialNote.returned(why.english()));
            search.trials.put(id, t);
            ObjectNode line = TrialLog.line("cancelled", id);
            t.why().write(line);
            search.log.append(line);
            search.cancelledTrials.remove(id);
            search.inFlight.remove(id);
            search.notifyAll();
        }
        Trial snapshot = t;
        search.emit(l -> l.onTrial(snapshot));
    }
}
