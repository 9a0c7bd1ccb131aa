package babysitter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.NpyFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bad input of every kind the command line reads — configurations, space files, CSV, IDX and .npy
 * files, run folders, command-line values — each run through {@link Cli#run}. Every case checks the
 * exit status (2: bad input), that the message names the file (or option) and the line or JSON path,
 * that no stack trace is printed and that no run or search folder is left behind.
 */
class BadInputSuiteTest {

    /** Writes the case's files into the folder; the arguments may use "$T" for that folder. */
    @FunctionalInterface
    interface Setup {
        void write(Path dir) throws Exception;
    }

    record Case(Setup setup, String[] args, int code, String[] fragments) {
    }

    private static final String DATA = "\"data\": {\"kind\": \"spiral\", \"n\": 120, \"devFraction\": 0.2, \"testFraction\": 0.1}";
    private static final String SPIRAL = "{" + DATA + ", \"network\": {\"hidden\": [{\"units\": 8, \"activation\": \"relu\","
            + " \"batchNorm\": true}]}, \"optimizer\": {\"kind\": \"adam\", \"learningRate\": 0.01, \"batchSize\": 32},"
            + " \"epochs\": 1, \"seed\": 3}";

    /** A recorded run and its checkpoint, made once and copied by the cases that need one. */
    private static Path recordedRun;

    @BeforeAll
    static void recordARun(@TempDir Path shared) throws Exception {
        Path cfg = shared.resolve("good.json");
        Files.writeString(cfg, SPIRAL);
        Outcome o = run(new String[] {"train", "--config", cfg.toString(), "--out", shared.resolve("runs").toString()});
        assertThat(o.code()).as(o.err()).isZero();
        try (Stream<Path> s = Files.list(shared.resolve("runs"))) {
            recordedRun = s.findFirst().orElseThrow();
        }
    }

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsRefusedWithAClearMessage(Case c, @TempDir Path tmp) throws Exception {
        c.setup().write(tmp);
        List<String> before = tree(tmp);
        String[] args = new String[c.args().length];
        for (int i = 0; i < args.length; i++) {
            args[i] = c.args()[i].replace("$T", tmp.toString());
        }
        Outcome o = run(args);
        assertThat(o.code()).as("exit status; stderr: %s", o.err()).isEqualTo(c.code());
        for (String f : c.fragments()) {
            assertThat(o.err()).as("the message names %s", f).contains(f.replace("$T", tmp.toString()));
        }
        assertThat(o.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain("com.fasterxml").doesNotContain("java.lang");
        assertThat(o.err().lines().filter(l -> !l.startsWith("warning:") && !l.contains(" WARN ")).count())
                .as("one line of message: %s", o.err()).isBetween(1L, 2L);
        List<String> after = new ArrayList<>(tree(tmp));
        after.removeAll(before);
        // an empty folder for the runs may stay; a lock file holds nothing
        after.removeIf(p -> p.endsWith("/" + babysitter.store.FolderLock.FILE) || p.equals("runs/")
                || p.equals("search/"));
        assertThat(after).as("nothing is left behind: no run folder, no search, no temporary file").isEmpty();
    }

    /** Every file and folder under {@code root}, relative, folders ending in '/'. */
    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root))
                    .map(p -> root.relativize(p).toString().replace('\\', '/') + (Files.isDirectory(p) ? "/" : ""))
                    .toList();
        }
    }

    // ---------------------------------------------------------------------------------------------- cases

    private static final List<Arguments> CASES = new ArrayList<>();

    private static void add(String name, Setup setup, String args, String... fragments) {
        add(name, 2, setup, args, fragments);
    }

    private static void add(String name, int code, Setup setup, String args, String... fragments) {
        CASES.add(Arguments.of(Named.of(name, new Case(setup, args.split(" "), code, fragments))));
    }

    static Stream<Arguments> cases() {
        return CASES.stream();
    }

    private static Setup file(String name, String content) {
        return dir -> {
            Path f = dir.resolve(name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, content);
        };
    }

    private static Setup bytes(String name, byte[] content) {
        return dir -> {
            Path f = dir.resolve(name);
            Files.createDirectories(f.getParent());
            Files.write(f, content);
        };
    }

    private static Setup both(Setup... all) {
        return dir -> {
            for (Setup s : all) {
                s.write(dir);
            }
        };
    }

    private static final Setup NOTHING = dir -> { };

    /** A configuration {@code c.json} with {@code inner} as its body. */
    private static void config(String name, String json, String... fragments) {
        add("config: " + name, file("c.json", json), "train --config $T/c.json --out $T/runs", prepend("c.json", fragments));
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** The spiral configuration with {@code from} replaced by {@code to}. */
    private static String spiral(String from, String to) {
        assertThat(SPIRAL).contains(from);
        return SPIRAL.replace(from, to);
    }

    private static final String GOOD_SPACE_PARAMS = "\"params\": [{\"name\": \"learningRate\", \"scale\": \"log\", \"min\": 0.001, \"max\": 0.1}]";

    private static void space(String name, String json, String... fragments) {
        add("space: " + name, file("s.json", json), "search --space $T/s.json --out $T/search --trials 2 --parallel 1",
                prepend("s.json", fragments));
    }

    /** A CSV data set {@code d.csv} read through a configuration. */
    private static void csv(String name, String content, String... fragments) {
        csvBytes(name, content.getBytes(StandardCharsets.UTF_8), fragments);
    }

    private static void csvBytes(String name, byte[] content, String... fragments) {
        String cfg = "{\"data\": {\"kind\": \"csv\", \"path\": \"$P\", \"devFraction\": 0.2}, \"epochs\": 1}";
        add("csv: " + name, both(bytes("d.csv", content), dir -> Files.writeString(dir.resolve("c.json"),
                cfg.replace("$P", dir.resolve("d.csv").toString()))), "train --config $T/c.json --out $T/runs",
                prepend("d.csv", fragments));
    }

    static byte[] idxImages(int count, int rows, int cols, int bodyBytes) {
        ByteBuffer b = ByteBuffer.allocate(16 + bodyBytes);
        b.putInt(0x00000803).putInt(count).putInt(rows).putInt(cols);
        return b.array();
    }

    static byte[] idxLabels(int count, int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(0x00000801).putInt(count);
        for (int l : labels) {
            b.put((byte) l);
        }
        return b.array();
    }

    /** An IDX folder {@code idx/} read through a configuration; {@code files} are written into it. */
    private static void idx(String name, Setup files, String... fragments) {
        String cfg = "{\"data\": {\"kind\": \"idx\", \"path\": \"$P\", \"devFraction\": 0.2}, \"epochs\": 1}";
        add("idx: " + name, both(dir -> Files.createDirectories(dir.resolve("idx")), files,
                dir -> Files.writeString(dir.resolve("c.json"), cfg.replace("$P", dir.resolve("idx").toString()))),
                "train --config $T/c.json --out $T/runs", fragments);
    }

    private static Setup goodIdx(String prefix, int count) {
        return both(bytes("idx/" + prefix + "-images-idx3-ubyte", idxImages(count, 2, 2, 4 * count)),
                bytes("idx/" + prefix + "-labels-idx1-ubyte", idxLabels(count, labelsOf(count))));
    }

    private static int[] labelsOf(int count) {
        int[] l = new int[count];
        for (int i = 0; i < count; i++) {
            l[i] = i % 2;
        }
        return l;
    }

    /** The recorded run's last checkpoint copied to {@code init/}, then changed by {@code change}. */
    private static void init(String name, Setup change, String... fragments) {
        Setup copy = dir -> copyTree(lastCheckpoint(), dir.resolve("init"));
        add("init: " + name, both(copy, change, file("c.json", SPIRAL)),
                "train --config $T/c.json --out $T/runs --init $T/init", fragments);
    }

    private static Path lastCheckpoint() throws IOException {
        try (Stream<Path> s = Files.list(recordedRun.resolve("checkpoints"))) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).max(Comparator.naturalOrder()).orElseThrow();
        }
    }

    /** The recorded run copied to {@code run/}, then changed by {@code change}. */
    private static void runFolder(String name, Setup change, String args, String... fragments) {
        Setup copy = dir -> copyTree(recordedRun, dir.resolve("run"));
        add("run folder: " + name, both(copy, change), args, fragments);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static {
        // ---- configurations: syntax (file, line, column, JSON path)
        config("duplicate key hiding a bad value", spiral("\"learningRate\": 0.01", "\"learningRate\": -1, \"learningRate\": 0.01"),
                "optimizer.learningRate", "appears twice", "line 1");
        config("duplicate top-level key", spiral("\"epochs\": 1", "\"epochs\": 1, \"epochs\": 2"), "epochs", "appears twice");
        config("duplicate key in a hidden layer", spiral("\"units\": 8", "\"units\": 8, \"units\": 9"),
                "network.hidden[0].units", "appears twice");
        config("duplicate key in data", spiral("\"n\": 120", "\"n\": 120, \"n\": 130"), "data.n", "appears twice");
        config("duplicate data object", spiral(DATA, DATA + ", " + DATA), "data", "appears twice");
        config("NaN literal", spiral("0.01", "NaN"), "optimizer.learningRate", "NaN is not a number JSON allows", "column");
        config("Infinity literal", spiral("0.01", "Infinity"), "optimizer.learningRate", "Infinity", "line 1");
        config("-Infinity literal", spiral("0.01", "-Infinity"), "optimizer.learningRate", "Infinity");
        config("missing comma inside a layer", spiral("\"units\": 8,", "\"units\": 8"), "network.hidden[0].units",
                "expected ',' or '}'", "line 1, column");
        config("syntax error on line 3", "{\n  \"data\": {\"kind\": \"xor\"},\n  \"epochs\": 1 2\n}", "line 3", "epochs");
        config("trailing comma in an object", spiral("\"seed\": 3", "\"seed\": 3,"), "trailing comma", "line 1");
        config("trailing comma in a list", spiral("\"batchNorm\": true}]", "\"batchNorm\": true},]"), "network.hidden",
                "trailing comma");
        config("unterminated string", "{\"data\": {\"kind\": \"xor}}", "line 1", "not valid JSON");
        config("missing closing brace", "{\"data\": {\"kind\": \"xor\"}", "ends before", "line 1");
        config("comment", "{// the data\n\"data\": {\"kind\": \"xor\"}}", "no comments", "line 1");
        config("single quotes", "{'data': {\"kind\": \"xor\"}}", "double quotes", "line 1");
        config("unquoted key", "{data: {\"kind\": \"xor\"}}", "double quotes", "line 1");
        config("bare word", spiral("\"adam\"", "adam"), "optimizer.kind", "'adam' is not a JSON value");
        config("capitalised True", spiral("\"batchNorm\": true", "\"batchNorm\": True"), "network.hidden[0].batchNorm",
                "lower case");
        config("text after the object", SPIRAL + " {}", "more text follows", "line 1");
        config("empty file", "", "empty");
        config("only spaces", "   \n  ", "empty");
        config("a list instead of an object", "[" + SPIRAL + "]", "expected", "object");
        config("a number instead of an object", "42", "expected", "object");
        config("a control character in a string", "{\"name\": \"a\tb\", " + DATA + "}", "name", "control character");
        add("config: bytes that are not UTF-8", bytes("c.json", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"',
            (byte) 0xC3, '(', '"', '}'}), "train --config $T/c.json --out $T/runs", "c.json", "UTF-8");
        // ---- configurations: types and unknown keys
        config("string for a number", spiral("0.01", "\"0.01\""), "optimizer.learningRate", "a number");
        config("fraction for a whole number", spiral("\"epochs\": 1", "\"epochs\": 1.5"), "epochs", "a whole number");
        config("true for a number", spiral("\"batchSize\": 32", "\"batchSize\": true"), "optimizer.batchSize");
        config("object for a number", spiral("\"seed\": 3", "\"seed\": {}"), "seed");
        config("number for a name", spiral("\"seed\": 3", "\"seed\": 3, \"name\": 5"), "name", "a string");
        config("null for a layer's units", spiral("\"units\": 8", "\"units\": null"), "network.hidden[0]", "units is required");
        config("layer without units", spiral("\"units\": 8, ", ""), "network.hidden[0]", "units is required");
        config("unknown top-level key", spiral("\"seed\": 3", "\"seed\": 3, \"epoch\": 2"), "epoch", "unknown key");
        config("unknown optimiser key", spiral("\"batchSize\": 32", "\"batchSize\": 32, \"lr\": 1"), "optimizer.lr", "unknown key");
        config("unknown layer key", spiral("\"units\": 8", "\"units\": 8, \"dropout\": 0.5"), "network.hidden[0].dropout",
                "unknown key");
        config("unknown data key", spiral("\"n\": 120", "\"n\": 120, \"size\": 3"), "data", "size");
        config("unknown network key", spiral("\"hidden\"", "\"layers\": 2, \"hidden\""), "network.layers", "unknown key");
        config("unknown activation", spiral("\"relu\"", "\"swish\""), "network.hidden[0].activation", "swish");
        config("unknown optimiser", spiral("\"adam\"", "\"adagrad\""), "optimizer.kind", "adagrad");
        config("unknown precision", spiral("\"hidden\"", "\"precision\": \"float16\", \"hidden\""), "network.precision",
                "float16");
        config("unknown batch order", spiral("\"seed\": 3", "\"seed\": 3, \"batchOrder\": \"random\""), "batchOrder");
        config("unknown data kind", spiral("\"spiral\"", "\"helix\""), "data", "helix");
        config("no data", "{\"epochs\": 1}", "data");
        config("data without kind", spiral("\"kind\": \"spiral\", ", ""), "data", "kind");
        // ---- configurations: values out of range
        config("negative learning rate", spiral("0.01", "-1"), "optimizer", "-1");
        config("zero learning rate", spiral("0.01", "0"), "optimizer", "learning rate");
        config("momentum of 1", spiral("\"batchSize\": 32", "\"batchSize\": 32, \"momentum\": 1.0"), "optimizer", "momentum");
        config("beta1 above 1", spiral("\"batchSize\": 32", "\"batchSize\": 32, \"beta1\": 1.5"), "optimizer", "1.5");
        config("batch size 0", spiral("\"batchSize\": 32", "\"batchSize\": 0"), "optimizer", "batch");
        config("epochs 0", spiral("\"epochs\": 1", "\"epochs\": 0"), "epochs", "at least 1");
        config("logEvery 0", spiral("\"seed\": 3", "\"seed\": 3, \"logEvery\": 0"), "logEvery");
        config("layer of 0 units", spiral("\"units\": 8", "\"units\": 0"), "network", "0");
        config("layer of -5 units", spiral("\"units\": 8", "\"units\": -5"), "network", "-5");
        config("layer of 2e9 units", spiral("\"units\": 8", "\"units\": 2000000000"), "network.hidden[0].units", "GB");
        config("two wide layers", spiral("\"units\": 8, \"activation\": \"relu\", \"batchNorm\": true}",
                "\"units\": 300000}, {\"units\": 300000}"), "network.hidden", "GB");
        config("epochs beyond a whole number's range", spiral("\"epochs\": 1", "\"epochs\": 99999999999"), "epochs",
                "too large");
        config("hidden layers as an object", spiral("\"hidden\": [{\"units\": 8, \"activation\": \"relu\", \"batchNorm\": true}]",
                "\"hidden\": {\"units\": 8}"), "network.hidden", "a list");
        config("units written 2e9", spiral("\"units\": 8", "\"units\": 2e9"), "network.hidden[0].units", "whole number");
        config("data.n of 2e9 points", spiral("\"n\": 120", "\"n\": 2000000000"), "data.n", "at most");
        config("data.n of 1", spiral("\"n\": 120", "\"n\": 1"), "data.n");
        config("negative noise", spiral("\"n\": 120", "\"n\": 120, \"noise\": -1"), "data.noise");
        config("2e9 spiral arms", spiral("\"n\": 120", "\"n\": 120, \"arms\": 2000000000"), "data.arms");
        config("dev fraction 1", spiral("\"devFraction\": 0.2", "\"devFraction\": 1"), "data.devFraction");
        config("dev + test fraction 1", spiral("\"testFraction\": 0.1", "\"testFraction\": 0.8"), "data.devFraction + data.testFraction");
        config("csv without a path", "{\"data\": {\"kind\": \"csv\"}}", "data.path");
        config("a key of another data kind", spiral("\"n\": 120", "\"n\": 120, \"path\": \"x.csv\""), "data", "path");
        add("config: no such file", NOTHING, "train --config $T/none.json --out $T/runs", "none.json", "no such file");
        add("config: a folder", dir -> Files.createDirectories(dir.resolve("c.json")),
                "train --config $T/c.json --out $T/runs", "c.json", "folder");

        // ---- space files
        String base = "\"base\": " + SPIRAL;
        space("duplicate key in a parameter", "{" + base + ", \"params\": [{\"name\": \"learningRate\", \"scale\": \"log\","
                + " \"min\": 0.001, \"min\": -1, \"max\": 0.1}]}", "params[0].min", "appears twice");
        space("duplicate params", "{" + base + ", " + GOOD_SPACE_PARAMS + ", " + GOOD_SPACE_PARAMS + "}", "params",
                "appears twice");
        space("NaN as a bound", "{" + base + ", " + GOOD_SPACE_PARAMS.replace("0.1}", "NaN}") + "}", "params[0].max", "NaN");
        space("syntax error in a parameter", "{" + base + ", " + GOOD_SPACE_PARAMS.replace("\"max\"", "max") + "}",
                "params[0]", "line 1");
        space("unknown parameter", "{" + base + ", " + GOOD_SPACE_PARAMS.replace("learningRate", "dropout") + "}",
                "params[0].name", "dropout");
        space("unknown scale", "{" + base + ", " + GOOD_SPACE_PARAMS.replace("\"log\"", "\"cubic\"") + "}",
                "params[0].scale", "cubic");
        space("scale the parameter cannot take", "{" + base + ", " + GOOD_SPACE_PARAMS.replace("\"log\"", "\"pow2\"") + "}",
                "params[0].scale");
        space("bound as a string", "{" + base + ", " + GOOD_SPACE_PARAMS.replace("0.001", "\"0.001\"") + "}",
                "params[0].min", "not a number");
        space("no bound", "{" + base + ", " + GOOD_SPACE_PARAMS.replace("\"min\": 0.001, ", "") + "}", "params[0].min",
                "required");
        space("negative log bound", "{" + base + ", " + GOOD_SPACE_PARAMS.replace("0.001", "-0.001") + "}", "params[0]");
        space("empty params", "{" + base + ", \"params\": []}", "params", "non-empty");
        space("no base", "{" + GOOD_SPACE_PARAMS + "}", "base", "required");
        space("base file missing", "{\"base\": \"nowhere.json\", " + GOOD_SPACE_PARAMS + "}", "base", "nowhere.json");
        space("bad value in the base", "{" + base.replace("0.01", "-1") + ", " + GOOD_SPACE_PARAMS + "}", "base", "optimizer");
        space("unknown top-level key", "{" + base + ", " + GOOD_SPACE_PARAMS + ", \"trials\": 3}", "trials", "unknown key");
        space("empty choices", "{" + base + ", \"params\": [{\"name\": \"optimizer\", \"scale\": \"choice\", \"choices\": []}]}",
                "params[0].choices");
        space("a list at the top", "[" + GOOD_SPACE_PARAMS.substring(10) + "]", "JSON object");
        add("space: no such file", NOTHING, "search --space $T/none.json --out $T/search", "none.json", "no such file");
        String fourAxes = "{" + base + ", \"params\": [" + GOOD_SPACE_PARAMS.substring(11, GOOD_SPACE_PARAMS.length() - 1)
                + ", {\"name\": \"momentum\", \"scale\": \"one_minus_log\", \"min\": 0.8, \"max\": 0.99},"
                + " {\"name\": \"l2\", \"scale\": \"log\", \"min\": 1e-5, \"max\": 1e-2},"
                + " {\"name\": \"beta2\", \"scale\": \"one_minus_log\", \"min\": 0.9, \"max\": 0.999}]}";
        add("search: a grid of 1000 per axis on 4 axes", file("s.json", fourAxes),
                "search --space $T/s.json --out $T/search --grid 1000", "--grid 1000", "more than the 1000");
        add("search: a grid of 10 per axis on 4 axes", file("s.json", fourAxes),
                "search --space $T/s.json --out $T/search --grid 10", "--grid 10", "10000 trials", "5 values per axis fit");
        add("search: 100000000 trials", file("s.json", "{" + base + ", " + GOOD_SPACE_PARAMS + "}"),
                "search --space $T/s.json --out $T/search --trials 100000000", "--trials 100000000", "at most 1000");
        add("search: 1e8 trials", file("s.json", "{" + base + ", " + GOOD_SPACE_PARAMS + "}"),
                "search --space $T/s.json --out $T/search --trials 1e8", "--trials", "1e8");
        add("search: --out is a file", both(file("s.json", "{" + base + ", " + GOOD_SPACE_PARAMS + "}"),
                file("search", "not a folder")), "search --space $T/s.json --out $T/search --trials 1",
                "$T/search", "is a file, not a folder");
        add("search: resume a folder without a search", dir -> Files.createDirectories(dir.resolve("search")),
                "search --resume $T/search", "$T/search", "no search here");
        add("search: search.json with a duplicate key", file("search/search.json", "{\"settings\": {}, \"settings\": {}}"),
                "search --resume $T/search", "search.json", "settings", "appears twice");
        add("search: search.json is not JSON", file("search/search.json", "{\"settings\": "),
                "search --resume $T/search", "search.json", "line 1");

        // ---- CSV data files
        csv("wrong number of fields on line 3", "x,y,label\n1,2,a\n3,b\n", "line 3", "expected 3 fields");
        csv("text where a number belongs", "x,y,label\n1,2,a\n3,four,b\n", "line 3", "four");
        csv("NaN feature", "x,y,label\n1,2,a\n3,NaN,b\n", "line 3", "finite");
        csv("infinite feature", "x,y,label\n1,2,a\n3,1e999,b\n", "line 3", "finite");
        csv("empty label", "x,y,label\n1,2,a\n3,4,\n", "line 3", "label");
        csv("only one class", "x,y,label\n1,2,a\n3,4,a\n", "only one");
        csv("labels 1 and 1.0 beside text", "x,y,label\n1,2,1\n3,4,cat\n5,6,1.0\n", "line 4", "\"1.0\"", "line 2");
        csv("header only", "x,y,label\n", "no data rows");
        csv("empty file", "", "empty file");
        csv("unterminated quote", "x,y,label\n1,2,\"a\n3,4,b\n", "line 2");
        csv("more fields than the header", "x,y,label\n1,2,a,9\n", "line 2", "expected 3 fields");
        byte[] notUtf8 = "x,y,label\n1,2,a\n3,4,b\n".getBytes(StandardCharsets.UTF_8);
        notUtf8[notUtf8.length - 2] = (byte) 0xff;
        csvBytes("bytes that are not UTF-8", notUtf8, "line 3", "not UTF-8");
        add("csv: no such file", file("c.json", "{\"data\": {\"kind\": \"csv\", \"path\": \"/nonexistent/d.csv\"}}"),
                "train --config $T/c.json --out $T/runs", "/nonexistent/d.csv");
        add("csv: label column not in the header", both(file("d.csv", "x,y,label\n1,2,a\n3,4,b\n"), dir -> Files.writeString(
                dir.resolve("c.json"), "{\"data\": {\"kind\": \"csv\", \"path\": \"" + dir.resolve("d.csv")
                        + "\", \"labelColumn\": \"class\"}}")), "train --config $T/c.json --out $T/runs", "d.csv", "class");
        add("csv: label column index out of range", both(file("d.csv", "x,y,label\n1,2,a\n3,4,b\n"), dir -> Files.writeString(
                dir.resolve("c.json"), "{\"data\": {\"kind\": \"csv\", \"path\": \"" + dir.resolve("d.csv")
                        + "\", \"labelColumn\": \"7\"}}")), "train --config $T/c.json --out $T/runs", "d.csv", "out of range");

        // ---- IDX data files
        idx("no such folder", dir -> Files.delete(dir.resolve("idx")), "idx", "no such folder");
        idx("a file missing", goodIdx("train", 10), "t10k-images-idx3-ubyte", "no such file");
        idx("wrong magic number", both(goodIdx("t10k", 4), goodIdx("train", 10),
                bytes("idx/train-images-idx3-ubyte", idxLabels(10, labelsOf(10)))), "train-images-idx3-ubyte", "magic");
        idx("truncated header", both(goodIdx("t10k", 4), goodIdx("train", 10),
                bytes("idx/train-images-idx3-ubyte", new byte[] {0, 0, 8, 3, 0, 0})), "train-images-idx3-ubyte", "truncated");
        idx("zero images", both(goodIdx("t10k", 4), goodIdx("train", 10),
                bytes("idx/train-images-idx3-ubyte", idxImages(0, 2, 2, 0))), "train-images-idx3-ubyte", "no images");
        idx("zero pixel rows", both(goodIdx("t10k", 4), goodIdx("train", 10),
                bytes("idx/train-images-idx3-ubyte", idxImages(10, 0, 2, 0))), "train-images-idx3-ubyte", "no pixels");
        idx("label count 2^31-1 in the header", both(goodIdx("t10k", 4), goodIdx("train", 10),
                bytes("idx/train-labels-idx1-ubyte", idxLabels(Integer.MAX_VALUE, labelsOf(10)))),
                "train-labels-idx1-ubyte", "truncated");
        idx("image count 2^31-1 in the header", both(goodIdx("t10k", 4), goodIdx("train", 10),
                bytes("idx/train-images-idx3-ubyte", idxImages(Integer.MAX_VALUE, 28, 28, 40))),
                "train-images-idx3-ubyte", "too many");
        idx("fewer labels than images", both(goodIdx("t10k", 4), goodIdx("train", 10),
                bytes("idx/train-labels-idx1-ubyte", idxLabels(9, labelsOf(9)))), "train-labels-idx1-ubyte", "9 labels");
        idx("truncated pixels", both(goodIdx("t10k", 4), goodIdx("train", 10),
                bytes("idx/train-images-idx3-ubyte", idxImages(10, 2, 2, 30))), "train-images-idx3-ubyte", "truncated");
        idx("test label beyond the training classes", both(goodIdx("train", 10),
                bytes("idx/t10k-images-idx3-ubyte", idxImages(4, 2, 2, 16)),
                bytes("idx/t10k-labels-idx1-ubyte", idxLabels(4, 0, 1, 0, 12))), "t10k-labels-idx1-ubyte", "beyond");
        idx("negative dimension", both(goodIdx("t10k", 4), goodIdx("train", 10),
                bytes("idx/train-images-idx3-ubyte", idxImages(-5, 2, 2, 0))), "train-images-idx3-ubyte", "byte offset 4");
        idx("a folder where a file belongs", both(goodIdx("t10k", 4), goodIdx("train", 10),
                dir -> Files.delete(dir.resolve("idx/train-images-idx3-ubyte")),
                dir -> Files.createDirectories(dir.resolve("idx/train-images-idx3-ubyte"))), "train-images-idx3-ubyte");

        // ---- .npy files of --init
        init("NaN in W1", dir -> NpyFile.write(dir.resolve("init/W1.npy"),
                Nd4j.create(new float[] {0, 0, 0, Float.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new long[] {2, 8})),
                "W1.npy", "NaN at [0, 3]");
        init("infinity in b2", dir -> NpyFile.write(dir.resolve("init/b2.npy"),
                Nd4j.create(new float[] {0, Float.POSITIVE_INFINITY, 0}, new long[] {3})), "b2.npy", "Infinity at [1]");
        init("NaN in a bare folder", both(dir -> Files.delete(dir.resolve("init/state.json")),
                dir -> NpyFile.write(dir.resolve("init/gamma1.npy"), Nd4j.create(new float[] {1, 1, 1, 1, 1, 1, 1, Float.NaN},
                        new long[] {8}))), "gamma1.npy", "NaN at [7]");
        init("wrong shape", dir -> NpyFile.write(dir.resolve("init/W1.npy"), Nd4j.zeros(3, 8)), "W1.npy", "wrong shape");
        init("a file missing", dir -> Files.delete(dir.resolve("init/W2.npy")), "W2.npy", "missing");
        init("not an npy file", file("init/W1.npy", "hello"), "W1.npy");
        init("truncated npy", dir -> {
            byte[] all = Files.readAllBytes(dir.resolve("init/W1.npy"));
            Files.write(dir.resolve("init/W1.npy"), java.util.Arrays.copyOf(all, all.length - 9));
        }, "W1.npy");
        init("state.json not JSON", file("init/state.json", "{\"formatVersion\": 1,"), "state.json", "line 1");
        init("state.json duplicate key", dir -> {
            String s = Files.readString(dir.resolve("init/state.json"));
            Files.writeString(dir.resolve("init/state.json"), s.replaceFirst("\\{", "{\"steps\": 1,"));
        }, "state.json", "steps", "appears twice");
        init("state.json of another network", dir -> {
            String s = Files.readString(dir.resolve("init/state.json"));
            Files.writeString(dir.resolve("init/state.json"), s.replaceFirst("\"layerSizes\" : \\[ 2, 8, 3 \\]",
                    "\"layerSizes\" : [ 2, 9, 3 ]"));
        }, "state.json", "layer");
        add("init: no such folder", file("c.json", SPIRAL), "train --config $T/c.json --out $T/runs --init $T/nowhere",
                "nowhere");

        // ---- run folders
        runFolder("no such run", dir -> Files.delete(dir.resolve("run/run.json")),
                "eval --run $T/none", "$T/none", "no such run folder");
        runFolder("no run.json", dir -> Files.delete(dir.resolve("run/run.json")), "eval --run $T/run", "run.json", "missing");
        runFolder("run.json not JSON", file("run/run.json", "{\"config\": {"), "eval --run $T/run", "run.json", "line 1");
        runFolder("run.json a list", file("run/run.json", "[]"), "export --run $T/run --csv $T/m.csv", "run.json",
                "JSON object");
        runFolder("run.json duplicate key", dir -> {
            String s = Files.readString(dir.resolve("run/run.json"));
            Files.writeString(dir.resolve("run/run.json"), s.replaceFirst("\\{", "{\"program\": \"x\","));
        }, "replay $T/run --out $T/runs", "run.json", "program", "appears twice");
        runFolder("run.json without config", file("run/run.json", "{\"program\": \"babysitter\"}"),
                "eval --run $T/run", "run.json", "config");
        runFolder("run.json with a bad config value", dir -> {
            String s = Files.readString(dir.resolve("run/run.json"));
            Files.writeString(dir.resolve("run/run.json"), s.replace("\"learningRate\" : 0.01", "\"learningRate\" : -3"));
        }, "eval --run $T/run", "run.json", "optimizer", "-3");
        runFolder("a file, not a folder", file("afile", "x"), "eval --run $T/afile", "afile", "not a run folder");
        runFolder("eval --checkpoint 99999999999", NOTHING, "eval --run $T/run --checkpoint 99999999999",
                "--checkpoint 99999999999", "the run has 1 checkpoint");
        runFolder("eval --checkpoint of no such id", NOTHING, "eval --run $T/run --checkpoint best",
                "--checkpoint best", "epoch-0001");
        runFolder("eval --data with the wrong features", both(file("d.csv", "a,b,c,label\n1,2,3,x\n4,5,6,y\n7,8,9,z\n"),
                dir -> Files.writeString(dir.resolve("d.json"), "{\"kind\": \"csv\", \"path\": \"" + dir.resolve("d.csv")
                        + "\"}")), "eval --run $T/run --data $T/d.json", "d.json", "3 features");
        runFolder("eval --data not JSON", file("d.json", "{\"kind\": "), "eval --run $T/run --data $T/d.json", "d.json",
                "line 1");
        runFolder("eval --data duplicate key", file("d.json", "{\"kind\": \"xor\", \"kind\": \"moons\"}"),
                "eval --run $T/run --data $T/d.json", "d.json", "kind", "appears twice");
        runFolder("eval --data of another data set", file("d.json", "{\"kind\": \"blobs\", \"classes\": 4, \"n\": 50}"),
                "eval --run $T/run --data $T/d.json --split train", "d.json", "4 classes");
        runFolder("export --csv is a folder", dir -> Files.createDirectories(dir.resolve("m.csv")),
                "export --run $T/run --csv $T/m.csv", "m.csv", "is a folder");
        runFolder("report of no such run", NOTHING, "report $T/none --out $T/r.html", "$T/none", "no such run folder");
        runFolder("report of a folder without run.json", dir -> Files.delete(dir.resolve("run/run.json")),
                "report $T/run --out $T/r.html", "$T/run", "run.json");
        runFolder("replay of no such run", NOTHING, "replay $T/none --out $T/runs", "$T/none");
        add("options: train --out inside a file", both(file("c.json", SPIRAL), file("afile", "x")),
                "train --config $T/c.json --out $T/afile/runs", "afile", "is a file, not a folder");
        add("options: search --out inside a file", both(file("s.json", "{" + base + ", " + GOOD_SPACE_PARAMS + "}"),
                file("afile", "x")), "search --space $T/s.json --out $T/afile/search --trials 1", "afile", "not a folder");
        runFolder("train --out is a file", both(file("c.json", SPIRAL), file("runs.txt", "x")),
                "train --config $T/c.json --out $T/runs.txt", "runs.txt", "is a file, not a folder");

        // ---- command-line values
        add("options: --epochs 0", file("c.json", SPIRAL), "train --config $T/c.json --out $T/runs --epochs 0",
                "--epochs", "at least 1");
        add("options: --epochs abc", file("c.json", SPIRAL), "train --config $T/c.json --out $T/runs --epochs abc",
                "--epochs", "abc");
        add("options: --batch-order random", file("c.json", SPIRAL),
                "train --config $T/c.json --out $T/runs --batch-order random", "--batch-order", "random");
        add("options: unknown option", file("c.json", SPIRAL), "train --config $T/c.json --out $T/runs --lr 3", "--lr");
        add("options: train without --config", NOTHING, "train --out $T/runs", "--config");
        add("options: --trials 0", file("s.json", "{" + base + ", " + GOOD_SPACE_PARAMS + "}"),
                "search --space $T/s.json --out $T/search --trials 0", "--trials", "at least 1");
        add("options: --grid with --trials", file("s.json", "{" + base + ", " + GOOD_SPACE_PARAMS + "}"),
                "search --space $T/s.json --out $T/search --grid 2 --trials 3", "--grid", "--trials");
        add("options: --parallel 0", file("s.json", "{" + base + ", " + GOOD_SPACE_PARAMS + "}"),
                "search --space $T/s.json --out $T/search --parallel 0", "--parallel");
        add("options: --space without --out", file("s.json", "{" + base + ", " + GOOD_SPACE_PARAMS + "}"),
                "search --space $T/s.json", "--out");
        add("options: --space and --resume", file("s.json", "{" + base + ", " + GOOD_SPACE_PARAMS + "}"),
                "search --space $T/s.json --resume $T/search", "--space", "--resume");
        add("options: --eta 0.5", file("s.json", "{" + base + ", " + GOOD_SPACE_PARAMS + "}"),
                "search --space $T/s.json --out $T/search --early-stop halving --eta 0.5", "eta");
        add("options: --split bogus", NOTHING, "eval --run $T/x --split bogus", "--split", "bogus");
        add("options: --narrow without --next", file("s.json", "{" + base + ", " + GOOD_SPACE_PARAMS + "}"),
                "search --space $T/s.json --out $T/search --narrow learningRate=1:2", "--narrow");
        add("options: unknown command", NOTHING, "fly --far", "fly");
    }
}
