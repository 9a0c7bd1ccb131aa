package babysitter.store;

import babysitter.engine.Hyperparameters;
import babysitter.engine.LrDecay;
import babysitter.engine.optim.OptimizerKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one place where an {@link Event} becomes the {@code "details"} object of an
 * {@code events.jsonl} line and back. Reading accepts every form this program has written: fields
 * added later ({@code fromDisk}, {@code betaName}, {@code varied}, {@code decayEvery}, …) may be
 * absent, and a change of hyperparameters recorded by version 0.1.0 means what 0.1.0 meant
 * ({@link RecordedBy}). A kind it does not know, or details it cannot read, become {@link Event.Other}.
 */
public final class EventCodec {
    private EventCodec() {
    }

    // ------------------------------------------------------------------ writing

    /** The details object of {@code e}, its fields in the order this program has always written them. */
    public static ObjectNode details(Event e) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        if (e instanceof Event.Start s) {
            d.put("epochs", s.epochs());
        } else if (e instanceof Event.Stop s) {
            d.put("finished", s.finished());
        } else if (e instanceof Event.MoreEpochs m) {
            d.put("added", m.added()).put("epochs", m.epochs());
        } else if (e instanceof Event.HyperparametersChanged h) {
            d.set("from", hyperparameters(h.from()));
            d.set("to", hyperparameters(h.to()));
            d.put("source", h.source());
            if (h.batchSizeTakesEffectAtEpoch() >= 0) {
                d.put("batchSizeTakesEffectAtEpoch", h.batchSizeTakesEffectAtEpoch());
            }
        } else if (e instanceof Event.CheckpointTaken c) {
            d.put("id", c.id()).put("source", c.source());
        } else if (e instanceof Event.Rewind r) {
            d.put("to", r.to()).put("fromStep", r.fromStep()).put("fromEpoch", r.fromEpoch())
                    .put("fromBranch", r.fromBranch()).put("branch", r.branch());
            if (r.fromDisk()) {
                d.put("fromDisk", true);
            }
        } else if (e instanceof Event.GuardTripped g) {
            d.put("reason", g.reason()).put("lastGood", g.lastGood()).put("autoRewind", g.autoRewind());
        } else if (e instanceof Event.EarlyStop s) {
            d.put("best", s.best()).put("bestCost", s.bestCost()).put("patience", s.patience());
        } else if (e instanceof Event.RulesSet r) {
            d.put("guard", r.guard()).put("guardAutoRewind", r.guardAutoRewind())
                    .put("reduceOnPlateau", r.reduceOnPlateau()).put("earlyStop", r.earlyStop());
        } else if (e instanceof Event.PaceSet p) {
            d.put("pace", p.pace()).put("epochsPerSecond", p.epochsPerSecond());
        } else if (e instanceof Event.RangeTest t) {
            d.put("minAlpha", t.minAlpha()).put("maxAlpha", t.maxAlpha()).put("steps", t.steps())
                    .put("suggested", t.suggested());
        } else if (e instanceof Event.SiblingsStarted s) {
            d.put("checkpoint", s.checkpoint()).put("count", s.count()).put("epochs", s.epochs())
                    .put("alphaDecades", s.alphaDecades()).put("betaDecades", s.betaDecades())
                    .put("seed", s.seed()).put("threads", s.threads()).put("varied", s.varied());
            s.alphas().forEach(d.putArray("alphas")::add);
            if (!s.betas().isEmpty()) {
                s.betas().forEach(d.putArray("betas")::add);
            }
        } else if (e instanceof Event.SiblingsAdopted a) {
            d.put("checkpoint", a.checkpoint()).put("index", a.index()).put("alpha", a.alpha());
            if (!Double.isNaN(a.beta())) {
                d.put("beta", a.beta());
                if (a.betaName() != null) {
                    d.put("betaName", a.betaName());
                }
            }
            d.put("epochs", a.epochs());
        } else if (e instanceof Event.SiblingsDiscarded s) {
            d.put("checkpoint", s.checkpoint()).put("reason", s.reason());
        } else if (e instanceof Event.Failure f) {
            d.put("error", f.message());
        } else if (e instanceof Event.Other o) {
            return otherDetails(o);
        }
        // Pause and Resume have no details
        return d;
    }

    /** The details of {@code e} as compact JSON text, for a person to read ("{}" when there are none). */
    public static String detailsText(Event e) {
        return e instanceof Event.Other o ? o.details() : details(e).toString();
    }

    private static ObjectNode otherDetails(Event.Other o) {
        try {
            return Json.MAPPER.readTree(o.details()) instanceof ObjectNode d ? d : Json.MAPPER.createObjectNode();
        } catch (JsonProcessingException ex) {
            return Json.MAPPER.createObjectNode();
        }
    }

    /** Hyperparameters as a run configuration's "optimizer" object, every field present. */
    private static ObjectNode hyperparameters(Hyperparameters h) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("kind", h.optimizer().name()).put("learningRate", h.learningRate()).put("momentum", h.momentum())
                .put("beta1", h.beta1()).put("beta2", h.beta2()).put("epsilon", h.epsilon()).put("l2", h.l2())
                .put("batchSize", h.batchSize()).put("decay", h.decayKind().name()).put("decayRate", h.decay())
                .put("decayEvery", h.decayEvery());
        return o;
    }

    // ------------------------------------------------------------------ reading

    /** What a details object could not give, with the JSON path of the field. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The event of a line's {@code kind} and {@code details} (null details read as empty).
     *
     * @param recordedBy the {@code version} in the run's run.json, null for the current one
     */
    public static Event read(String kind, ObjectNode details, String recordedBy) {
        ObjectNode d = details == null ? Json.MAPPER.createObjectNode() : details;
        try {
            return switch (kind) {
                case "start" -> new Event.Start(integer(d, "epochs"));
                case "stop" -> new Event.Stop(bool(d, "finished"));
                case "pause" -> new Event.Pause();
                case "resume" -> new Event.Resume();
                case "more-epochs" -> new Event.MoreEpochs(integer(d, "added"), integer(d, "epochs"));
                case "hyperparameters" -> new Event.HyperparametersChanged(
                        hyperparameters(d, "from", recordedBy), hyperparameters(d, "to", recordedBy), text(d, "source"),
                        d.has("batchSizeTakesEffectAtEpoch") ? integer(d, "batchSizeTakesEffectAtEpoch") : -1);
                // the first version recorded no source: "" (not said)
                case "checkpoint" -> new Event.CheckpointTaken(text(d, "id"), d.has("source") ? text(d, "source") : "");
                case "rewind" -> new Event.Rewind(text(d, "to"), longValue(d, "fromStep"), integer(d, "fromEpoch"),
                        integer(d, "fromBranch"), integer(d, "branch"), d.has("fromDisk") && bool(d, "fromDisk"));
                case "guard" -> new Event.GuardTripped(text(d, "reason"),
                        d.path("lastGood").isNull() || d.path("lastGood").isMissingNode() ? null : text(d, "lastGood"),
                        bool(d, "autoRewind"));
                case "early-stop" -> new Event.EarlyStop(text(d, "best"), number(d, "bestCost"),
                        integer(d, "patience"));
                case "rules" -> new Event.RulesSet(bool(d, "guard"), bool(d, "guardAutoRewind"),
                        bool(d, "reduceOnPlateau"), bool(d, "earlyStop"));
                case "pace" -> new Event.PaceSet(text(d, "pace"), number(d, "epochsPerSecond"));
                case "lr-range-test" -> new Event.RangeTest(number(d, "minAlpha"), number(d, "maxAlpha"),
                        integer(d, "steps"), number(d, "suggested"));
                case "siblings" -> siblingsStarted(d);
                case "siblings-adopted" -> new Event.SiblingsAdopted(text(d, "checkpoint"), integer(d, "index"),
                        number(d, "alpha"), d.has("beta") ? number(d, "beta") : Double.NaN,
                        d.has("betaName") ? text(d, "betaName") : null, integer(d, "epochs"));
                case "siblings-discarded" -> new Event.SiblingsDiscarded(text(d, "checkpoint"), text(d, "reason"));
                case "error" -> new Event.Failure(text(d, "error"));
                default -> new Event.Other(kind, d.toString(), null);
            };
        } catch (Unreadable | IllegalArgumentException e) {
            return new Event.Other(kind, d.toString(), e.getMessage());
        }
    }

    private static Event siblingsStarted(ObjectNode d) throws Unreadable {
        List<Double> betas = d.has("betas") ? numbers(d, "betas") : List.of();
        // before the siblings could vary β1 or β2 they always varied the momentum β
        String varied = d.has("varied") ? text(d, "varied") : betas.isEmpty() ? "none" : "momentum";
        return new Event.SiblingsStarted(text(d, "checkpoint"), integer(d, "count"), integer(d, "epochs"),
                number(d, "alphaDecades"), number(d, "betaDecades"), longValue(d, "seed"), integer(d, "threads"),
                varied, numbers(d, "alphas"), betas);
    }

    private static final Set<String> OPTIMIZER_FIELDS = Set.of("kind", "learningRate", "momentum", "beta1",
            "beta2", "epsilon", "l2", "batchSize", "decay", "decayRate", "decayEvery");

    /**
     * The hyperparameters of a run configuration's "optimizer" object; an absent field takes the
     * default a configuration gives it.
     */
    private static Hyperparameters hyperparameters(ObjectNode d, String name, String recordedBy) throws Unreadable {
        JsonNode v = d.get(name);
        if (!(v instanceof ObjectNode o)) {
            throw new Unreadable("details." + name + " must be an object, got " + v);
        }
        String path = "details." + name;
        for (var it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!OPTIMIZER_FIELDS.contains(f)) {
                throw new Unreadable(path + "." + f + " is not a setting of the optimiser");
            }
        }
        Hyperparameters dflt = Hyperparameters.DEFAULTS;
        LrDecay decay = o.has("decay") ? enumValue(o, path, "decay", LrDecay.class) : dflt.decayKind();
        double decayRate = o.has("decayRate") ? number(o, path, "decayRate") : decay.defaultRate();
        if (RecordedBy.fixedExponentialBase(recordedBy, decay)) {
            decayRate = LrDecay.EXPONENTIAL.defaultRate();
        }
        return new Hyperparameters(
                o.has("learningRate") ? number(o, path, "learningRate") : dflt.learningRate(),
                o.has("momentum") ? number(o, path, "momentum") : dflt.momentum(),
                o.has("beta1") ? number(o, path, "beta1") : dflt.beta1(),
                o.has("beta2") ? number(o, path, "beta2") : dflt.beta2(),
                o.has("epsilon") ? number(o, path, "epsilon") : dflt.epsilon(), decay, decayRate,
                o.has("l2") ? number(o, path, "l2") : dflt.l2(),
                o.has("batchSize") ? integer(o, path, "batchSize") : dflt.batchSize(),
                o.has("kind") ? enumValue(o, path, "kind", OptimizerKind.class) : dflt.optimizer(),
                o.has("decayEvery") ? integer(o, path, "decayEvery") : LrDecay.DEFAULT_EVERY);
    }

    private static JsonNode field(JsonNode o, String path, String name) throws Unreadable {
        JsonNode v = o.get(name);
        if (v == null) {
            throw new Unreadable(path + "." + name + " is missing");
        }
        return v;
    }

    private static String text(JsonNode d, String name) throws Unreadable {
        JsonNode v = field(d, "details", name);
        if (!v.isTextual()) {
            throw new Unreadable("details." + name + " must be a string, got " + v);
        }
        return v.textValue();
    }

    private static boolean bool(JsonNode d, String name) throws Unreadable {
        JsonNode v = field(d, "details", name);
        if (!v.isBoolean()) {
            throw new Unreadable("details." + name + " must be true or false, got " + v);
        }
        return v.booleanValue();
    }

    private static int integer(JsonNode d, String name) throws Unreadable {
        return integer(d, "details", name);
    }

    private static int integer(JsonNode o, String path, String name) throws Unreadable {
        JsonNode v = field(o, path, name);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new Unreadable(path + "." + name + " must be a whole number, got " + v);
        }
        return v.intValue();
    }

    private static long longValue(JsonNode d, String name) throws Unreadable {
        JsonNode v = field(d, "details", name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new Unreadable("details." + name + " must be a whole number, got " + v);
        }
        return v.longValue();
    }

    private static double number(JsonNode d, String name) throws Unreadable {
        return number(d, "details", name);
    }

    /** A number; one that is not finite is written as "NaN", "Infinity" or "-Infinity" (or null for NaN). */
    private static double number(JsonNode o, String path, String name) throws Unreadable {
        JsonNode v = field(o, path, name);
        Double d = JsonLines.number(v);
        if (d != null) {
            return d;
        }
        throw new Unreadable(path + "." + name + " must be a number, got " + v);
    }

    private static List<Double> numbers(JsonNode d, String name) throws Unreadable {
        if (!(field(d, "details", name) instanceof ArrayNode a)) {
            throw new Unreadable("details." + name + " must be a list of numbers, got " + d.get(name));
        }
        List<Double> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isNumber()) {
                throw new Unreadable("details." + name + "[" + i + "] must be a number, got " + a.get(i));
            }
            out.add(a.get(i).doubleValue());
        }
        return out;
    }

    private static <E extends Enum<E>> E enumValue(JsonNode o, String path, String name, Class<E> type)
            throws Unreadable {
        JsonNode v = field(o, path, name);
        if (v.isTextual()) {
            for (E c : type.getEnumConstants()) {
                if (c.name().equals(v.textValue().toUpperCase(Locale.ROOT))) {
                    return c;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (E c : type.getEnumConstants()) {
            names.add(c.name().toLowerCase(Locale.ROOT));
        }
        throw new Unreadable(path + "." + name + " must be one of " + names + ", got " + v);
    }
}
