package babysitter.cli;

import babysitter.search.EarlyStopping;
import babysitter.search.EdgeWarning;
import babysitter.search.Method;
import babysitter.search.Param;
import babysitter.search.Round;
import babysitter.search.Scale;
import babysitter.search.Search;
import babysitter.search.SearchSpace;
import babysitter.search.Settings;
import babysitter.search.Trial;
import babysitter.search.TrialExecutor;
import babysitter.search.TrialState;
import babysitter.search.cluster.ClusterSpec;
import babysitter.session.configuration.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code search}: a hyperparameter search from a space file ({@code --space}), resumed
 * ({@code --resume}), or continued with a finer round ({@code --next}).
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Hyperparameter search: many short runs in parallel, random (default) or grid, kept in --out.",
            "  search --space space.json --trials 20 --parallel 2 --epochs 10 --out DIR",
            "  search --resume DIR              finish the trials that did not finish",
            "  search --next DIR --top 5 --trials 20   a finer round in the top-5 box of the last round",
            "  search --next DIR --narrow learningRate=1e-3:1e-1,units=32:96",
            "  search --importance DIR [--objective cost] [--json]   which hyperparameters mattered",
            "  search --space space.json --out DIR --cluster lab --members 10.0.0.5 --secret-file lab.secret   on a cluster"})
final class SearchCommand implements Callable<Integer> {

    @Option(names = "--space", paramLabel = "FILE", description = "Search space (JSON): a base configuration and the parameters to vary.")
    Path space;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder of the new search.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Resume the search in DIR: unfinished trials start again.")
    Path resume;

    @Option(names = "--next", paramLabel = "DIR", description = "Add a round to the search in DIR and run it.")
    Path next;

    @Option(names = "--trials", paramLabel = "N", description = "Trials of a random round (default: 20).")
    Integer trials;

    @Option(names = "--grid", paramLabel = "K", description = "Grid search with K values per axis instead of random points.")
    Integer grid;

    @Option(names = "--parallel", paramLabel = "P", description = "Trials at once (default: one per core).")
    Integer parallel;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs per trial (default: the base configuration's).")
    Integer epochs;

    @Option(names = "--early-stop", paramLabel = "RULE", defaultValue = "none",
            description = "Stop poor trials early: none, median or halving (default: ${DEFAULT-VALUE}).")
    EarlyStopping.Kind earlyStop;

    @Option(names = "--grace", paramLabel = "N", description = "Epochs before a trial can be stopped / first rung (default: 2).")
    Integer grace;

    @Option(names = "--eta", paramLabel = "X", description = "Halving: rungs at grace·eta^k, keep the top 1/eta (default: 3).")
    Double eta;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the draws (default: 1).")
    Long seed;

    @Option(names = "--top", paramLabel = "K", description = "--next: the new round covers the box of the last round's best K trials.")
    Integer top;

    @Option(names = "--narrow", paramLabel = "NAME=LO:HI,...", split = ",",
            description = "--next: set ranges by hand (values on their scale; a choice as a/b/c).")
    List<String> narrow;

    @Option(names = "--importance", paramLabel = "DIR",
            description = "Which hyperparameters mattered in the search in DIR: each one's share of the objective's variance.")
    Path importance;

    @Option(names = "--objective", paramLabel = "WHAT", defaultValue = "accuracy",
            description = "--importance: explain the best dev accuracy (accuracy, default) or the lowest dev cost (cost).")
    String objective;

    @Option(names = "--rounds", paramLabel = "R,...", split = ",",
            description = "--importance: only these rounds (from 1; default: all).")
    List<Integer> importanceRounds;

    @Option(names = "--json", description = "--importance: one JSON object instead of the table.")
    boolean json;

    @Option(names = "--show", paramLabel = "N", defaultValue = "10", description = "Rows of the final table (default: ${DEFAULT-VALUE}).")
    int show;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    Cli.Common common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int modes = (space != null ? 1 : 0) + (resume != null ? 1 : 0) + (next != null ? 1 : 0)
                + (importance != null ? 1 : 0);
        if (modes != 1) {
            throw new Cli.UsageException("name exactly one of --space FILE (a new search), --resume DIR, --next DIR"
                    + " or --importance DIR");
        }
        if (importance != null) {
            return ImportanceReport.print(importance, objective, importanceRounds, json, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        if (json || importanceRounds != null) {
            throw new Cli.UsageException("--json and --rounds go with --importance DIR");
        }
        cluster.requireCluster();
        // checked before a search folder is made
        ClusterSpec clusterSpec = cluster.on() ? cluster.spec() : null;
        int clusterSlots = cluster.on() ? cluster.slots() : 0;
        checkPositive("--trials", trials);
        checkPositive("--grid", grid);
        checkPositive("--parallel", parallel);
        if (parallel != null && parallel > Settings.MAX_PARALLEL) {
            throw new Cli.UsageException("--parallel " + parallel + ": at most " + Settings.MAX_PARALLEL + " trials at once");
        }
        checkPositive("--epochs", epochs);
        checkPositive("--top", top);
        if (grid != null && trials != null) {
            throw new Cli.UsageException("--grid K decides the number of trials (K per axis, multiplied); drop --trials");
        }
        PrintWriter o = spec.commandLine().getOut();
        Search search;
        int round;
        if (space != null) {
            if (out == null) {
                throw new Cli.UsageException("--space needs --out DIR, the folder of the new search");
            }
            if (top != null || narrow != null) {
                throw new Cli.UsageException("--top and --narrow make a next round: use them with --next DIR");
            }
            SearchSpace s = SearchSpace.read(space);
            EarlyStopping stopping = stopping();
            Settings settings;
            try {
                settings = new Settings(epochs != null ? epochs : s.base().epochs(),
                        parallel != null ? parallel : Settings.defaultParallel(), stopping, seed != null ? seed : 1);
            } catch (IllegalArgumentException e) {
                throw new Cli.UsageException(e.getMessage());
            }
            if (Files.exists(out.resolve(Search.SEARCH_JSON))) {
                throw new Cli.UsageException(out + " already holds a search; resume it with --resume " + out
                        + " or add a round with --next " + out);
            }
            Method method = grid != null ? Method.GRID : Method.RANDOM;
            checkSize(s, method);
            search = Search.create(out, s, method, trials != null ? trials : 20, grid != null ? grid : 0, settings);
            round = 0;
        } else {
            if (out != null || epochs != null || seed != null || grace != null || eta != null
                    || !earlyStop.equals(EarlyStopping.Kind.NONE)) {
                throw new Cli.UsageException("--out, --epochs, --seed and the early-stopping options belong to a new search"
                        + " (--space); a resumed search keeps its settings");
            }
            if (resume != null && (trials != null || grid != null || top != null || narrow != null)) {
                throw new Cli.UsageException("--resume finishes the search as it is; to add a round use --next DIR");
            }
            Path dir = resume != null ? resume : next;
            try {
                search = Search.open(dir);
            } catch (NoSuchFileException e) {
                throw new Cli.UsageException(dir + ": no search here (no " + Search.SEARCH_JSON + ")");
            }
            search.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
            if (resume != null) {
                round = search.rounds().size() - 1;
            } else {
                try {
                    round = addNextRound(search);
                } catch (Exception e) {
                    search.close();
                    throw e;
                }
            }
        }
        int workers = parallel != null ? parallel : search.settings().parallel();
        try (search) {
            return run(search, round, workers, o, clusterSpec, clusterSlots);
        }
    }

    /** Refuses a round too large to hold, before anything is built or created. */
    private void checkSize(SearchSpace s, Method method) {
        String tooLarge = Search.tooLarge(s, method, trials != null ? trials : 20, grid != null ? grid : 0);
        if (tooLarge != null) {
            throw new Cli.UsageException((method == Method.GRID ? "--grid " + grid : "--trials " + trials) + ": " + tooLarge);
        }
    }

    private static void checkPositive(String option, Number v) {
        if (v != null && v.doubleValue() < 1) {
            throw new Cli.UsageException(option + " must be at least 1, got " + v);
        }
    }

    private EarlyStopping stopping() {
        try {
            return new EarlyStopping(earlyStop, grace != null ? grace : EarlyStopping.DEFAULT_GRACE,
                    eta != null ? eta : EarlyStopping.DEFAULT_ETA);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
        }
    }

    private int addNextRound(Search search) throws Exception {
        List<Round> rounds = search.rounds();
        Round last = rounds.get(rounds.size() - 1);
        int shown = last.index() + 1;
        SearchSpace s = last.space();
        List<String> origin = new ArrayList<>();
        if (top != null || narrow == null) {
            int k = top != null ? top : 5;
            try {
                s = search.topSpace(last.index(), k);
            } catch (IllegalStateException e) {
                throw new Cli.UsageException(e.getMessage() + "; finish it first with --resume");
            }
            origin.add("top " + k + " of round " + shown);
        }
        if (narrow != null) {
            s = narrowed(s, narrow);
            origin.add("narrowed by hand on round " + shown);
        }
        Method method = grid != null ? Method.GRID : Method.RANDOM;
        checkSize(s, method);
        Round r = search.addRound(s, method, trials != null ? trials : 20, grid != null ? grid : 0, String.join(", ", origin));
        return r.index();
    }

    /** The space with the ranges of {@code name=lo:hi} (a choice: {@code name=a/b}) replaced. */
    static SearchSpace narrowed(SearchSpace s, List<String> specs) throws ConfigException {
        Map<String, Param> replaced = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq < 1) {
                throw new ConfigException("--narrow", "--narrow: '" + spec + "' is not NAME=LO:HI");
            }
            String name = spec.substring(0, eq).trim();
            String range = spec.substring(eq + 1).trim();
            Param p = s.param(name);
            if (p == null) {
                throw new ConfigException("--narrow", "--narrow: '" + name + "' is not a parameter of the last round; its parameters: "
                        + s.params().stream().map(Param::name).toList());
            }
            try {
                if (p.scale() == Scale.CHOICE) {
                    replaced.put(name, Param.choice(name, List.of(range.split("/"))));
                } else {
                    int colon = range.indexOf(':');
                    if (colon < 0) {
                        throw new IllegalArgumentException("'" + range + "' is not LO:HI");
                    }
                    double lo = Double.parseDouble(range.substring(0, colon).trim());
                    double hi = Double.parseDouble(range.substring(colon + 1).trim());
                    replaced.put(name, new Param(name, p.scale(), lo, hi, List.of()));
                }
            } catch (IllegalArgumentException e) {
                String m = e instanceof NumberFormatException ? "'" + range + "' is not LO:HI with two numbers" : e.getMessage();
                throw new ConfigException("--narrow", "--narrow " + spec + ": " + m);
            }
        }
        List<Param> params = new ArrayList<>();
        for (Param p : s.params()) {
            params.add(replaced.getOrDefault(p.name(), p));
        }
        SearchSpace out = new SearchSpace(s.base(), params);
        for (Param p : replaced.values()) {
            for (double u : new double[] {0, 1}) {
                try {
                    out.apply(Map.of(p.name(), p.fromUnit(u)));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("--narrow", "--narrow: " + e.getMessage());
                }
            }
        }
        return out;
    }

    private int run(Search search, int round, int workers, PrintWriter o, ClusterSpec clusterSpec, int clusterSlots)
            throws Exception {
        Round r = search.rounds().get(round);
        List<Trial> todo = search.trials().stream().filter(t -> !t.state().finished()).toList();
        o.printf("search %s: round %d (%s), %d %s trials of %d parameters, %d epochs each, %s%s%n",
                search.dir(), round + 1, r.origin(), r.trials(), r.method().name().toLowerCase(Locale.ROOT),
                r.space().params().size(), search.settings().epochs(),
                cluster.on() ? "on cluster " + cluster.name : workers + " at a time",
                search.settings().stopping().kind() == EarlyStopping.Kind.NONE ? ""
                        : ", early stopping: " + search.settings().stopping().kind().name().toLowerCase(Locale.ROOT));
        o.println("  " + distinctLine(r, search.trials(round)));
        if (todo.size() < search.trials().size()) {
            o.printf("  %d of %d trials finished before; %d to go%n", search.trials().size() - todo.size(),
                    search.trials().size(), todo.size());
        }
        o.flush();
        TrialProgress progress = new TrialProgress(o, System.console() != null, todo.size(), search);
        search.addListener(progress);
        long start = System.nanoTime();
        try (TrialExecutor ex = ClusterOptions.executor(workers, o, clusterSpec, clusterSlots)) {
            search.run(ex);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.end();
        List<Trial> all = search.trials();
        long done = all.stream().filter(t -> t.state() == TrialState.DONE).count();
        long stopped = all.stream().filter(t -> t.state() == TrialState.STOPPED).count();
        long failed = all.stream().filter(t -> t.state() == TrialState.FAILED).count();
        int ran = progress.finished();
        o.printf("%d trials: %d done, %d stopped early, %d failed; this sitting %d trials in %.1f s (%.0f trials per hour,"
                + " %s)%n", all.size(), done, stopped, failed, ran, seconds,
                seconds > 0 ? ran * 3600 / seconds : 0, cluster.on() ? "on cluster " + cluster.name : workers + " in parallel");
        for (Round x : search.rounds()) {
            List<Trial> b = search.best(x.index(), 1);
            o.printf("round %d (%s): %s%n", x.index() + 1, x.origin(), b.isEmpty() ? "no result"
                    : "best dev accuracy %.4f (trial %d)".formatted(b.get(0).bestDevAccuracy(), b.get(0).id()));
        }
        o.println();
        o.print(table(search, show));
        List<EdgeWarning> warnings = search.edgeWarnings(round);
        if (!warnings.isEmpty()) {
            o.println();
            warnings.forEach(w -> o.println("warning: " + w.message()));
        }
        o.flush();
        List<Trial> thisRound = search.trials(round);
        return !thisRound.isEmpty() && thisRound.stream().allMatch(t -> t.state() == TrialState.FAILED) ? Cli.FAILURE : 0;
    }

    /** "random: 20 trials → 20 distinct values on every axis" or the grid's waste. */
    static String distinctLine(Round r, List<Trial> trials) {
        Map<String, Integer> distinct = r.distinctValues(trials);
        int n = trials.size();
        StringBuilder per = new StringBuilder();
        distinct.forEach((k, v) -> per.append(per.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        if (r.method() == Method.GRID) {
            int most = distinct.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            return "grid: %d values per axis → %d trials, but only %d distinct values on any axis (%s)"
                    .formatted(r.gridValuesPerAxis(), n, most, per);
        }
        if (distinct.values().stream().allMatch(v -> v == n)) {
            return "random: %d trials → %d distinct values on every axis".formatted(n, n);
        }
        return "random: %d trials → distinct values per axis: %s".formatted(n, per);
    }

    /** The best trials as a table: id, round, values on their scales, best dev accuracy, epoch, state. */
    static String table(Search search, int rows) {
        List<Round> rounds = search.rounds();
        List<String> names = new ArrayList<>();
        for (Round r : rounds) {
            r.space().params().forEach(p -> {
                if (!names.contains(p.name())) {
                    names.add(p.name());
                }
            });
        }
        List<String[]> lines = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("trial", "round"));
        head.addAll(names);
        head.addAll(List.of("dev acc", "epoch", "state"));
        lines.add(head.toArray(String[]::new));
        for (Trial t : search.best(rows)) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(t.id()), String.valueOf(t.round() + 1)));
            SearchSpace s = rounds.get(t.round()).space();
            for (String n : names) {
                Param p = s.param(n);
                row.add(p == null ? "-" : p.format(t.values().get(n)));
            }
            row.add(String.format(Locale.ROOT, "%.4f", t.bestDevAccuracy()));
            row.add(String.valueOf(t.bestEpoch()));
            row.add(t.state().name().toLowerCase(Locale.ROOT));
            lines.add(row.toArray(String[]::new));
        }
        int[] width = new int[head.size()];
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                b.append(i == 0 ? "" : "  ").append(String.format("%" + width[i] + "s", l[i]));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
