package babysitter.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One line of the runs library: what a run folder holds, read without keeping its metrics. Numbers
 * that the run does not have (no epoch measured yet, no step taken) are NaN.
 *
 * @param dir            the run folder
 * @param name           the name shown: the note's title when set, else the configuration's name, else the folder's
 * @param data           the data kind ("spiral", "csv", …), or "" if run.json does not say
 * @param network        layer sizes joined by "-" ("2-16-3"), or ""
 * @param optimizer      the optimiser's kind in lower case ("adam"), or ""
 * @param alphaStart     the learning rate of the first step
 * @param alphaLast      the learning rate of the last step
 * @param betaStart      the β the optimiser averages with at the start (momentum's β, Adam's β1,
 *                       RMSprop's β2), NaN if none applies (always for SGD)
 * @param betaLast       that β at the end (after the last live change)
 * @param epochs         epochs measured (the highest epoch number + 1)
 * @param plannedEpochs  the configuration's epochs, 0 if unknown
 * @param steps          the highest step number recorded + 1
 * @param bestDevAccuracy the best dev accuracy of any epoch (inference mode)
 * @param bestDevCost    the lowest dev cost of any epoch (inference mode)
 * @param wallSeconds    seconds of training (pauses left out when the run recorded them)
 * @param ending         how the writer ended: finished, stopped, or none (no stop event: killed or still running)
 * @param branches       branches recorded (a rewind starts one), at least 1
 * @param sizeBytes      bytes on disk of everything in the folder
 * @param createdMillis  when the run was created (run.json's "created"), milliseconds since the epoch, 0 if unknown
 * @param notes          the person's title, note and tags
 */
public record RunSummary(Path dir, String name, String data, String network, String optimizer, double alphaStart,
                         double alphaLast, double betaStart, double betaLast, int epochs, int plannedEpochs, long steps,
                         double bestDevAccuracy, double bestDevCost, double wallSeconds, Ending ending, int branches,
                         long sizeBytes, long createdMillis, RunNotes notes) {

    /** How the run's writer ended, as its events say. */
    public enum Ending { FINISHED, STOPPED, NONE }

    /** The state shown in the library: the ending, and for a run without one whether someone still writes it. */
    public enum State {
        FINISHED("finished"), STOPPED("stopped"), KILLED("killed"), RUNNING_HERE("running"),
        RUNNING_ELSEWHERE("running elsewhere");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** The word a person reads. */
        public String label() {
            return label;
        }
    }

    public RunSummary {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(notes, "notes");
        if (!hasBeta(optimizer)) {
            // the steps of an SGD run record the momentum hyperparameter it never used
            betaStart = Double.NaN;
            betaLast = Double.NaN;
        }
    }

    /** Whether the optimiser named {@code optimizer} ("sgd", "adam"…) keeps an average with a β; unknown ones are assumed to. */
    static boolean hasBeta(String optimizer) {
        return !optimizer.equalsIgnoreCase("sgd");
    }

    /** Whether its optimiser uses a β at all (plain SGD does not). */
    public boolean hasBeta() {
        return hasBeta(optimizer);
    }

    /** The folder's name (what the command line takes). */
    public String folder() {
        return dir.getFileName().toString();
    }

    /** The tags of the run's notes. */
    public List<String> tags() {
        return notes.tags();
    }

    /** This summary with other notes (and the name they give). */
    public RunSummary withNotes(RunNotes n, String configName) {
        String shown = !n.title().isBlank() ? n.title() : !configName.isBlank() ? configName : folder();
        return new RunSummary(dir, shown, data, network, optimizer, alphaStart, alphaLast, betaStart, betaLast, epochs,
                plannedEpochs, steps, bestDevAccuracy, bestDevCost, wallSeconds, ending, branches, sizeBytes,
                createdMillis, n);
    }
}
