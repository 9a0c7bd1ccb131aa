package babysitter.ui.library;

import babysitter.i18n.Texts;
import babysitter.report.Names;
import babysitter.report.RunReport;
import babysitter.store.Run;
import babysitter.store.RunCurves;
import babysitter.store.RunFilter;
import babysitter.store.RunLibrary;
import babysitter.store.RunNotes;
import babysitter.store.RunReader;
import babysitter.store.RunSummary;
import babysitter.store.RunTrash;
import babysitter.store.RunsWatcher;
import babysitter.ui.monitor.ReferenceRun;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The runs library's state and actions, without a window: the runs of the folders (listed on a
 * background thread, again whenever the file watcher reports a change), the filter, the selected
 * runs with their curves and configuration differences, and the actions on a run. Every property
 * changes on the thread of {@code fx}.
 */
public final class LibraryViewModel implements AutoCloseable {
    private final List<Path> roots;
    private final Executor fx;
    private final Executor background;
    private final Consumer<Path> opener;
    private final RunLibrary library = new RunLibrary();
    private final ObservableList<RunLibrary.Entry> runs = FXCollections.observableArrayList();
    private final FilteredList<RunLibrary.Entry> shown = new FilteredList<>(runs, e -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<RunLibrary.Entry> selected = FXCollections.observableArrayList();
    private final ObjectProperty<RunCurves.Metric> metric = new SimpleObjectProperty<>(RunCurves.Metric.DEV_ACCURACY);
    private final ObjectProperty<RunCurves.XAxis> xAxis = new SimpleObjectProperty<>(RunCurves.XAxis.EPOCH);
    private final ObservableList<RunCurves.Curve> curves = FXCollections.observableArrayList();
    private final ObservableList<ConfigDiff.Row> differences = FXCollections.observableArrayList();
    private final ObservableList<RunChanges.Column> changes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canUndoDelete = new ReadOnlyBooleanWrapper(false);
    /** What each selected run recorded, read once per version of its summary. */
    private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();
    /** The deleted runs, newest last: where each went and where it came from. */
    private final Deque<Path[]> trash = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canShowOnMonitor = new ReadOnlyBooleanWrapper(false);
    private Consumer<List<ReferenceRun>> monitor;
    private RunsWatcher watcher;
    private int generation;
    private Predicate<Path> finishedHere = dir -> false;

    private record Loaded(RunLibrary.Entry entry, Run run) {
    }

    public LibraryViewModel(List<Path> roots, Executor fx, Executor background, Consumer<Path> opener) {
        this.roots = List.copyOf(roots);
        this.fx = fx;
        this.background = background;
        this.opener = opener;
        filter.addListener((o, a, text) -> applyFilter(text));
        shown.addListener((ListChangeListener<RunLibrary.Entry>) c -> updatePlaceholder());
        runs.addListener((ListChangeListener<RunLibrary.Entry>) c -> updatePlaceholder());
        updatePlaceholder();
        selected.addListener((ListChangeListener<RunLibrary.Entry>) c -> loadSelection());
        metric.addListener((o, a, b) -> updateCurves());
        xAxis.addListener((o, a, b) -> updateCurves());
    }

    /**
     * Tells which run this program trains has done all its epochs: its session keeps the folder
     * (more epochs may be added) and writes the stop only when it closes, so the folder alone
     * would say it still runs. Asked on the thread of {@code fx}.
     */
    public void setFinishedHere(Predicate<Path> finishedHere) {
        this.finishedHere = Objects.requireNonNull(finishedHere);
    }

    /** Lists the runs now, and again whenever the folders change. */
    public void start() {
        refresh();
        try {
            watcher = new RunsWatcher(roots, this::refresh);
        } catch (IOException e) {
            error.set(Texts.get("library.notWatched", e.getMessage()));
        }
    }

    /** Lists the runs again on the background thread. */
    public void refresh() {
        background.execute(() -> {
            RunLibrary.Listing l = library.list(roots);
            fx.execute(() -> show(l));
        });
    }

    private void show(RunLibrary.Listing l) {
        List<Path> keep = selected.stream().map(e -> e.summary().dir()).toList();
        runs.setAll(l.runs().stream().map(this::asTheSessionSays).toList());
        List<RunLibrary.Entry> again = runs.stream().filter(e -> keep.contains(e.summary().dir())).toList();
        if (!again.equals(selected)) {
            selected.setAll(again);
        }
        status.set(l.warnings().isEmpty() ? Texts.get("library.status", runs.size(), folders())
                : Texts.get("library.statusWarnings", runs.size(), folders(), l.warnings().size(),
                        String.join("; ", l.problems().stream().map(Names::fileProblem).toList())));
    }

    private RunLibrary.Entry asTheSessionSays(RunLibrary.Entry e) {
        return e.state() == RunSummary.State.RUNNING_HERE && finishedHere.test(e.summary().dir())
                ? new RunLibrary.Entry(e.summary(), RunSummary.State.FINISHED) : e;
    }

    private String folders() {
        return String.join(", ", roots.stream().map(Path::toString).toList());
    }

    private void applyFilter(String text) {
        try {
            RunFilter f = RunFilter.parse(text, Names::cell);
            shown.setPredicate(f);
            filterError.set("");
        } catch (RunFilter.BadFilter e) {
            filterError.set(Names.filterProblem(e));
        }
        updatePlaceholder();
    }

    /** What the empty table says: that there are no runs yet, or that the filter hides every one. */
    private void updatePlaceholder() {
        placeholder.set(runs.isEmpty() || !shown.isEmpty() ? Texts.get("library.empty")
                : Texts.get("library.noneMatch", filter.get().strip(), runs.size()));
    }

    // ------------------------------------------------------------------ the selection

    private void loadSelection() {
        List<RunLibrary.Entry> now = List.copyOf(selected);
        int g = ++generation;
        background.execute(() -> {
            List<Loaded> read = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (RunLibrary.Entry e : now) {
                Path dir = e.summary().dir();
                Loaded l = loaded.get(dir);
                if (l == null || !l.entry().summary().equals(e.summary())) {
                    try {
                        l = new Loaded(e, RunReader.read(dir, false));
                        loaded.put(dir, l);
                    } catch (IOException | RuntimeException ex) {
                        problems.add(Names.storeError(ex));
                        continue;
                    }
                }
                read.add(l);
            }
            fx.execute(() -> {
                if (g == generation) {
                    current = read;
                    updateCurves();
                    differences.setAll(ConfigDiff.of(read.stream().map(l -> (JsonNode) l.run().config()).toList()));
                    changes.setAll(read.stream().map(l -> new RunChanges.Column(l.entry().summary().name(),
                            RunChanges.of(l.run().events()))).toList());
                    error.set(problems.isEmpty() ? "" : Texts.get("store.cannotOpen", String.join("; ", problems)));
                }
            });
        });
    }

    private List<Loaded> current = List.of();

    private void updateCurves() {
        List<RunCurves.Curve> list = new ArrayList<>();
        for (Loaded l : current) {
            list.add(RunCurves.curve(l.entry().summary().name(), l.run().epochs(), metric.get(), xAxis.get()));
        }
        curves.setAll(list);
    }

    // ------------------------------------------------------------------ actions on runs

    /** Where {@link #showOnMonitor()} sends the selected runs: the main window's charts. */
    public void setMonitor(Consumer<List<ReferenceRun>> monitor) {
        this.monitor = monitor;
        canShowOnMonitor.set(monitor != null);
    }

    /** Whether there is a monitor to show runs on. */
    public ReadOnlyBooleanProperty canShowOnMonitorProperty() {
        return canShowOnMonitor.getReadOnlyProperty();
    }

    /** Draws the selected runs (as read for the curves) as references on the monitor's charts. */
    public void showOnMonitor() {
        if (monitor != null && !current.isEmpty()) {
            monitor.accept(current.stream().map(l -> ReferenceRun.of(l.entry().summary().name(), l.run())).toList());
            status.set(current.size() == 1 ? Texts.get("library.shownOne", current.get(0).entry().summary().name())
                    : Texts.get("library.shownMany", current.size()));
        }
    }

    /** Opens the run in the main window. */
    public void open(RunLibrary.Entry e) {
        opener.accept(e.summary().dir());
    }

    /** Gives the run a title shown instead of its folder's name ("" goes back to the configuration's name). */
    public void rename(RunLibrary.Entry e, String title) {
        RunNotes n = e.summary().notes();
        writeNotes(e, new RunNotes(title, n.note(), n.tags()));
    }

    /** Sets the run's note and tags (tags separated by commas or spaces). */
    public void setNotes(RunLibrary.Entry e, String note, String tags) {
        writeNotes(e, new RunNotes(e.summary().notes().title(), note, RunNotes.parseTags(tags)));
    }

    private void writeNotes(RunLibrary.Entry e, RunNotes notes) {
        Path dir = e.summary().dir();
        background.execute(() -> {
            try {
                notes.write(dir);
                RunLibrary.Listing l = library.list(roots);
                fx.execute(() -> show(l));
            } catch (IOException ex) {
                fx.execute(() -> error.set(Texts.get("library.notesFailed", dir, ex.getMessage())));
            }
        });
    }

    /** Moves the runs into the trash of their folder ({@link #undoDelete()} brings the last back). */
    public void delete(List<RunLibrary.Entry> entries) {
        List<Path> dirs = entries.stream().map(e -> e.summary().dir()).toList();
        background.execute(() -> {
            List<String> problems = new ArrayList<>();
            List<Path[]> moved = new ArrayList<>();
            for (Path dir : dirs) {
                try {
                    moved.add(new Path[] {RunTrash.delete(dir), dir});
                    library.forget(dir);
                } catch (IOException ex) {
                    problems.add(ex.getMessage());
                }
            }
            RunLibrary.Listing l = library.list(roots);
            fx.execute(() -> {
                trash.addAll(moved);
                canUndoDelete.set(!trash.isEmpty());
                error.set(problems.isEmpty() ? "" : Texts.get("library.notDeleted", String.join("; ", problems)));
                show(l);
            });
        });
    }

    /** Brings back the run deleted last. */
    public void undoDelete() {
        Path[] last = trash.pollLast();
        canUndoDelete.set(!trash.isEmpty());
        if (last == null) {
            return;
        }
        background.execute(() -> {
            String problem = "";
            try {
                RunTrash.restore(last[0], last[1]);
            } catch (IOException ex) {
                problem = Texts.get("library.restoreFailed", last[1], last[0], ex.getMessage());
            }
            RunLibrary.Listing l = library.list(roots);
            String p = problem;
            fx.execute(() -> {
                error.set(p);
                show(l);
            });
        });
    }

    /** Writes the run's HTML report (and its SVG charts beside it) to {@code file}. */
    public void exportReport(RunLibrary.Entry e, Path file) {
        Path dir = e.summary().dir();
        background.execute(() -> {
            try {
                Path html = RunReport.write(dir, file,
                        Locale.getDefault(Locale.Category.DISPLAY));
                fx.execute(() -> {
                    error.set("");
                    status.set(Texts.get("library.reportWritten", dir.getFileName(), html));
                });
            } catch (IOException | RuntimeException ex) {
                fx.execute(() -> error.set(Texts.get("library.reportFailed", dir, ex.getMessage())));
            }
        });
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    // ------------------------------------------------------------------ properties

    /** Every run listed. */
    public ObservableList<RunLibrary.Entry> runs() {
        return runs;
    }

    /** The runs the filter lets through. */
    public ObservableList<RunLibrary.Entry> shown() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** Why the filter text is not understood ("" when it is); the last good filter stays in force. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    /** What the table says when it shows no run: none yet, or none that matches the filter. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last action's failure, "" when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The runs selected in the table (the view keeps it in step). */
    public ObservableList<RunLibrary.Entry> selected() {
        return selected;
    }

    public ObjectProperty<RunCurves.Metric> metricProperty() {
        return metric;
    }

    public ObjectProperty<RunCurves.XAxis> xAxisProperty() {
        return xAxis;
    }

    /** One curve per selected run, in the selection's order. */
    public ObservableList<RunCurves.Curve> curves() {
        return curves;
    }

    /** The selected runs' configurations side by side. */
    public ObservableList<ConfigDiff.Row> differences() {
        return differences;
    }

    /** What changed during each selected run (its events), in the selection's order. */
    public ObservableList<RunChanges.Column> changes() {
        return changes;
    }

    public ReadOnlyBooleanProperty canUndoDeleteProperty() {
        return canUndoDelete.getReadOnlyProperty();
    }
}
