package babysitter.search;

import babysitter.engine.Activation;
import babysitter.engine.InvalidValue;
import babysitter.engine.LayerSpec;
import babysitter.engine.LrDecay;
import babysitter.engine.optim.OptimizerKind;
import babysitter.session.configuration.BrokenRule;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.ConfigRule;
import babysitter.session.configuration.NetworkSpec;
import babysitter.session.configuration.OptimizerSpec;
import babysitter.session.configuration.RunConfig;
import babysitter.store.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * A search space: a base run configuration and the hyperparameters to vary, each on its scale.
 * A trial is the base with the trial's values put in ({@link #apply}).
 */
public record SearchSpace(RunConfig base, List<Param> params) {

    /** The hyperparameter names a space may use, with the scales each accepts. */
    public static final Map<String, Set<Scale>> NAMES = names();

    private static Map<String, Set<Scale>> names() {
        Map<String, Set<Scale>> m = new LinkedHashMap<>();
        m.put("learningRate", Set.of(Scale.LOG, Scale.LINEAR));
        m.put("momentum", Set.of(Scale.ONE_MINUS_LOG, Scale.LINEAR));
        m.put("beta1", Set.of(Scale.ONE_MINUS_LOG, Scale.LINEAR));
        m.put("beta2", Set.of(Scale.ONE_MINUS_LOG, Scale.LINEAR));
        m.put("l2", Set.of(Scale.LOG, Scale.LINEAR));
        m.put("decayRate", Set.of(Scale.LOG, Scale.LINEAR));
        m.put("batchSize", Set.of(Scale.POW2, Scale.INTEGER));
        m.put("units", Set.of(Scale.INTEGER, Scale.POW2));
        m.put("layers", Set.of(Scale.INTEGER));
        m.put("optimizer", Set.of(Scale.CHOICE));
        m.put("activation", Set.of(Scale.CHOICE));
        m.put("batchNorm", Set.of(Scale.CHOICE));
        return Collections.unmodifiableMap(m);
    }

    public SearchSpace {
        Objects.requireNonNull(base, "base");
        params = List.copyOf(params);
        Set<String> seen = new HashSet<>();
        for (Param p : params) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("the hyperparameter '" + p.name() + "' appears twice");
            }
        }
    }

    /** Reads and checks a space file; a relative "base" path is resolved against the file's folder. */
    public static SearchSpace read(Path file) throws ConfigException {
        return SpaceFile.read(file);
    }

    /** Parses and checks a space; {@code source} names it in messages, {@code baseDir} resolves a "base" path. */
    public static SearchSpace parse(String json, String source, Path baseDir) throws ConfigException {
        return SpaceFile.parse(json, source, baseDir);
    }

    /** The space as the JSON of a space file (the base inline). */
    public ObjectNode toJson() {
        ObjectNode root = ConfigFiles.MAPPER.createObjectNode();
        root.set("base", Json.MAPPER.valueToTree(base));
        ArrayNode ps = root.putArray("params");
        for (Param p : params) {
            ObjectNode o = ps.addObject();
            o.put("name", p.name());
            o.put("scale", p.scale().jsonName());
            if (p.scale() == Scale.CHOICE) {
                ArrayNode c = o.putArray("choices");
                p.choices().forEach(c::add);
            } else if (p.scale().discrete()) {
                o.put("min", (long) p.min());
                o.put("max", (long) p.max());
            } else {
                o.put("min", p.min());
                o.put("max", p.max());
            }
        }
        return root;
    }

    /** The parameter of that name, or null. */
    public Param param(String name) {
        for (Param p : params) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** One random point, in params order. */
    public Map<String, Object> sample(Random r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Param p : params) {
            out.put(p.name(), p.sample(r));
        }
        return out;
    }

    /**
     * How many values each parameter's axis of a grid with {@code valuesPerAxis} has (discrete
     * scales and short ranges may have fewer than asked), in the params order.
     */
    public int[] gridSizes(int valuesPerAxis) {
        return params.stream().mapToInt(p -> p.grid(valuesPerAxis).size()).toArray();
    }

    /**
     * The number of points of {@link #grid}: the product of {@link #gridSizes}, without building
     * them ({@code Long.MAX_VALUE} when it does not fit).
     */
    public long gridSize(int valuesPerAxis) {
        long n = 1;
        for (int s : gridSizes(valuesPerAxis)) {
            try {
                n = Math.multiplyExact(n, s);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    /** The cartesian product of every parameter's {@link Param#grid}, the last parameter varying fastest. */
    public List<Map<String, Object>> grid(int valuesPerAxis) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Param p : params) {
            List<Map<String, Object>> next = new ArrayList<>();
            List<Object> axis = p.grid(valuesPerAxis);
            for (Map<String, Object> partial : out) {
                for (Object v : axis) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    m.put(p.name(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * The base with these values put in. {@code layers} makes that many copies of the base's first
     * hidden layer, then {@code units}, {@code activation} and {@code batchNorm} apply to every hidden
     * layer; {@code decayRate} turns inverse-time decay on when the base has no decay.
     *
     * @throws IllegalArgumentException naming the hyperparameter, the value and the rule
     */
    public RunConfig apply(Map<String, Object> values) {
        OptimizerSpec o = base.optimizer();
        List<LayerSpec> hidden = new ArrayList<>(base.network().hidden());
        Object layers = values.get("layers");
        if (layers != null) {
            int n = whole("layers", layers);
            if (n < 0) {
                throw new BrokenRule(ConfigRule.LAYERS_AT_LEAST_0, layers);
            }
            if (hidden.isEmpty() && n > 0) {
                throw new BrokenRule(ConfigRule.NO_LAYER_TO_COPY);
            }
            LayerSpec first = hidden.isEmpty() ? null : hidden.get(0);
            hidden.clear();
            for (int i = 0; i < n; i++) {
                hidden.add(first);
            }
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String name = e.getKey();
            Object v = e.getValue();
            if (v == null) {
                throw new BrokenRule(ConfigRule.NO_VALUE, name);
            }
            switch (name) {
                case "learningRate" -> o = new OptimizerSpec(o.kind(), real(name, v), o.momentum(), o.beta1(), o.beta2(),
                        o.epsilon(), o.l2(), o.batchSize(), o.decay(), o.decayRate(), o.decayEvery());
                case "momentum" -> o = new OptimizerSpec(o.kind(), o.learningRate(), real(name, v), o.beta1(), o.beta2(),
                        o.epsilon(), o.l2(), o.batchSize(), o.decay(), o.decayRate(), o.decayEvery());
                case "beta1" -> o = new OptimizerSpec(o.kind(), o.learningRate(), o.momentum(), real(name, v), o.beta2(),
                        o.epsilon(), o.l2(), o.batchSize(), o.decay(), o.decayRate(), o.decayEvery());
                case "beta2" -> o = new OptimizerSpec(o.kind(), o.learningRate(), o.momentum(), o.beta1(), real(name, v),
                        o.epsilon(), o.l2(), o.batchSize(), o.decay(), o.decayRate(), o.decayEvery());
                case "l2" -> o = new OptimizerSpec(o.kind(), o.learningRate(), o.momentum(), o.beta1(), o.beta2(),
                        o.epsilon(), real(name, v), o.batchSize(), o.decay(), o.decayRate(), o.decayEvery());
                case "decayRate" -> o = new OptimizerSpec(o.kind(), o.learningRate(), o.momentum(), o.beta1(), o.beta2(),
                        o.epsilon(), o.l2(), o.batchSize(),
                        o.decay() == null || o.decay() == LrDecay.NONE ? LrDecay.INVERSE_TIME : o.decay(), real(name, v), o.decayEvery());
                case "batchSize" -> o = new OptimizerSpec(o.kind(), o.learningRate(), o.momentum(), o.beta1(), o.beta2(),
                        o.epsilon(), o.l2(), whole(name, v), o.decay(), o.decayRate(), o.decayEvery());
                case "optimizer" -> o = new OptimizerSpec(enumOf(OptimizerKind.class, name, v), o.learningRate(),
                        o.momentum(), o.beta1(), o.beta2(), o.epsilon(), o.l2(), o.batchSize(), o.decay(), o.decayRate(), o.decayEvery());
                case "units" -> {
                    int u = whole(name, v);
                    if (u < 1) {
                        throw new BrokenRule(ConfigRule.UNITS_AT_LEAST_1, v);
                    }
                    requireHidden(name, hidden);
                    hidden.replaceAll(l -> new LayerSpec(u, l.activation(), l.batchNorm()));
                }
                case "activation" -> {
                    Activation a = enumOf(Activation.class, name, v);
                    requireHidden(name, hidden);
                    hidden.replaceAll(l -> new LayerSpec(l.units(), a, l.batchNorm()));
                }
                case "batchNorm" -> {
                    String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
                    if (!s.equals("true") && !s.equals("false")) {
                        throw new BrokenRule(ConfigRule.TRUE_OR_FALSE, "batchNorm", v);
                    }
                    boolean bn = s.equals("true");
                    requireHidden(name, hidden);
                    hidden.replaceAll(l -> new LayerSpec(l.units(), l.activation(), bn));
                }
                case "layers" -> {
                    // done above, before the per-layer values
                }
                default -> throw new BrokenRule(ConfigRule.NAME_UNKNOWN, name, String.join(", ", NAMES.keySet()));
            }
        }
        NetworkSpec net = new NetworkSpec(hidden, base.network().precision(), base.network().bnEpsilon(),
                base.network().bnMomentum(), base.network().bnRunningVariance());
        RunConfig out = new RunConfig(base.name(), net, o, base.data(), base.epochs(), base.seed(), base.batchOrder(),
                base.logEvery());
        try {
            out.optimizer().toHyperparameters();
            out.network().toConfig(1, 2, out.seed());
        } catch (InvalidValue e) {
            throw new InvalidCombination(describe(values), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(describe(values) + ": " + e.getMessage(), e);
        }
        return out;
    }

    private String describe(Map<String, Object> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> {
            Param p = param(k);
            b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(p == null ? String.valueOf(v) : safeFormat(p, v));
        });
        return b.toString();
    }

    private static String safeFormat(Param p, Object v) {
        try {
            return p.format(v);
        } catch (RuntimeException e) {
            return String.valueOf(v);
        }
    }

    private static void requireHidden(String name, List<LayerSpec> hidden) {
        if (hidden.isEmpty()) {
            throw new BrokenRule(ConfigRule.NO_LAYER_FOR, name);
        }
    }

    private static double real(String name, Object v) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new BrokenRule(ConfigRule.FINITE, name, v);
    }

    private static int whole(String name, Object v) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e9) {
            return n.intValue();
        }
        throw new BrokenRule(ConfigRule.WHOLE, name, v);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name, Object v) {
        String s = String.valueOf(v).trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        List<String> known = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            known.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw new BrokenRule(ConfigRule.ONE_OF, name, v, String.join(", ", known));
    }

    /**
     * The space with the named parameters held at these values (each a range of one value, so the
     * trials still carry them and the scatters still show them); the others unchanged.
     */
    public SearchSpace fixing(Map<String, Object> values) {
        List<Param> out = new ArrayList<>();
        for (Param p : params) {
            out.add(values.containsKey(p.name()) ? p.fixedAt(values.get(p.name())) : p);
        }
        return new SearchSpace(base, out);
    }

    /** The space with the named parameters narrowed to {uLo, uHi} of their unit ranges; the others unchanged. */
    public SearchSpace narrowed(Map<String, double[]> unitRanges) {
        for (String name : unitRanges.keySet()) {
            if (param(name) == null) {
                throw new IllegalArgumentException("'" + name + "' is not a parameter of this space; its parameters: "
                        + params.stream().map(Param::name).toList());
            }
        }
        List<Param> out = new ArrayList<>();
        for (Param p : params) {
            double[] r = unitRanges.get(p.name());
            if (r != null && r.length != 2) {
                throw new IllegalArgumentException(p.name() + ": a unit range needs two numbers {lo, hi}");
            }
            out.add(r == null ? p : p.narrowed(r[0], r[1]));
        }
        return new SearchSpace(base, out);
    }

    /**
     * Per parameter the bounding box of the given points in unit coordinates of its scale
     * (discrete scales: whole bins; CHOICE: the choices used).
     */
    public SearchSpace aroundTop(List<Map<String, Object>> top) {
        if (top.isEmpty()) {
            throw new IllegalArgumentException("aroundTop needs at least one point");
        }
        List<Param> out = new ArrayList<>();
        for (Param p : params) {
            if (p.scale() == Scale.CHOICE) {
                List<String> used = new ArrayList<>();
                for (String c : p.choices()) {
                    if (top.stream().anyMatch(point -> c.equals(String.valueOf(point.get(p.name()))))) {
                        used.add(c);
                    }
                }
                out.add(used.isEmpty() ? p : Param.choice(p.name(), used));
                continue;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Map<String, Object> point : top) {
                Object v = point.get(p.name());
                if (v == null) {
                    continue;
                }
                double u = p.toUnit(v);
                lo = Math.min(lo, u);
                hi = Math.max(hi, u);
            }
            out.add(lo <= hi ? p.narrowed(lo, hi) : p);
        }
        return new SearchSpace(base, out);
    }
}
