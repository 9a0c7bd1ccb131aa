package babysitter.cli;

import babysitter.store.Json;
import babysitter.store.RunColumn;
import babysitter.store.RunFilter;
import babysitter.store.RunLibrary;
import babysitter.store.RunSummary;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code runs}: the runs library on the command line (the same table as File ▸ Runs… in the window). */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List and compare the recorded runs.",
        subcommands = {RunsCommand.ListRuns.class, RunsCompareCommand.class})
final class RunsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a runs command: list or compare");
    }

    /** Columns where "sorted by" means the biggest first (the best accuracy, the newest, the longest). */
    static final Set<RunColumn> BIGGEST_FIRST = Set.of(RunColumn.DEV_ACC, RunColumn.CREATED, RunColumn.EPOCHS,
            RunColumn.SIZE, RunColumn.WALL, RunColumn.BRANCHES);

    /** The columns of the text table. */
    static final List<RunColumn> SHOWN = List.of(RunColumn.FOLDER, RunColumn.DATA, RunColumn.NETWORK,
            RunColumn.OPTIMIZER, RunColumn.ALPHA, RunColumn.BETA, RunColumn.EPOCHS, RunColumn.DEV_ACC,
            RunColumn.DEV_COST, RunColumn.WALL, RunColumn.STATE, RunColumn.SIZE, RunColumn.TAGS);

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "A table of every run in the runs folders: data, network, optimiser, α and β, epochs, "
                    + "best dev accuracy and cost, wall time, state, size.")
    static final class ListRuns implements Callable<Integer> {
        @Option(names = "--dir", paramLabel = "DIR", defaultValue = "runs",
                description = "A folder of runs (repeat for several; default: ${DEFAULT-VALUE}).")
        List<Path> dirs;

        @Option(names = "--sort", paramLabel = "COLUMN", description = "Sort by a column: "
                + "name, data, network, optimizer, alpha, beta, epochs, dev-acc, dev-cost, wall, state, branches, "
                + "size, created, tags, folder. dev-acc, created, epochs, size, wall and branches put the biggest first. "
                + "Default: newest first.")
        String sort;

        @Option(names = "--reverse", description = "Reverse the order.")
        boolean reverse;

        @Option(names = "--filter", paramLabel = "TERMS", description = "Only runs matching every term: a word any "
                + "column contains, or COLUMN=TEXT, COLUMN!=TEXT, COLUMN>NUMBER (also <, <=, >=), e.g. "
                + "'data=spiral dev-acc>0.9'. Repeatable.")
        List<String> filters = new ArrayList<>();

        @Option(names = "--json", description = "Print JSON (one object per run) instead of a table.")
        boolean json;

        @Mixin
        Cli.Common common;

        @Override
        public Integer call() throws Exception {
            RunFilter filter;
            Comparator<RunLibrary.Entry> order = null;
            try {
                filter = RunFilter.parse(filters);
                if (sort != null) {
                    RunColumn c = RunColumn.byKey(sort);
                    order = BIGGEST_FIRST.contains(c) ? c.order().reversed() : c.order();
                }
            } catch (IllegalArgumentException e) {
                throw new Cli.UsageException((sort != null && e.getMessage().startsWith("no column") ? "--sort: " : "--filter ")
                        + e.getMessage());
            }
            RunLibrary.Listing listing = new RunLibrary().list(dirs);
            PrintWriter err = common.err();
            listing.warnings().forEach(w -> err.println("warning: " + w));
            List<RunLibrary.Entry> runs = new ArrayList<>(listing.runs().stream().filter(filter).toList());
            if (order != null) {
                runs.sort(order);
            }
            if (reverse) {
                Collections.reverse(runs);
            }
            PrintWriter out = common.out();
            if (json) {
                out.println(Json.pretty().writeValueAsString(toJson(runs)));
            } else {
                out.print(table(runs));
            }
            return 0;
        }
    }

    /** The runs as a JSON list of objects; unknown numbers are null. */
    static ArrayNode toJson(List<RunLibrary.Entry> runs) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (RunLibrary.Entry e : runs) {
            RunSummary s = e.summary();
            ObjectNode o = a.addObject();
            o.put("folder", s.dir().toString());
            o.put("name", s.name());
            o.put("data", s.data());
            o.put("network", s.network());
            o.put("optimizer", s.optimizer());
            num(o, "alphaStart", s.alphaStart());
            num(o, "alphaLast", s.alphaLast());
            num(o, "betaStart", s.betaStart());
            num(o, "betaLast", s.betaLast());
            o.put("epochs", s.epochs());
            o.put("plannedEpochs", s.plannedEpochs());
            o.put("steps", s.steps());
            num(o, "bestDevAccuracy", s.bestDevAccuracy());
            num(o, "bestDevCost", s.bestDevCost());
            num(o, "wallSeconds", s.wallSeconds());
            o.put("state", e.state().label());
            o.put("branches", s.branches());
            o.put("sizeBytes", s.sizeBytes());
            o.put("created", s.createdMillis() > 0 ? Instant.ofEpochMilli(s.createdMillis()).toString() : null);
            o.put("note", s.notes().note());
            s.tags().forEach(o.putArray("tags")::add);
        }
        return a;
    }

    private static void num(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    /** A text table with a header, columns padded to their widest cell. */
    static String table(List<RunLibrary.Entry> runs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(SHOWN.stream().map(RunColumn::header).toArray(String[]::new));
        for (RunLibrary.Entry e : runs) {
            rows.add(SHOWN.stream().map(c -> c.text(e)).toArray(String[]::new));
        }
        int[] width = new int[SHOWN.size()];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]).append(" ".repeat(width[i] - r[i].length() + 2));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        b.append(runs.size()).append(runs.size() == 1 ? " run\n" : " runs\n");
        return b.toString();
    }
}
