package babysitter.store;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.Hyperparameters;
import babysitter.engine.LrDecay;
import babysitter.engine.optim.OptimizerKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of event as this program writes it, and as earlier versions wrote it, reads as its record. */
class EventCodecTest {

    private static final String ADAM_001 = "{\"kind\":\"ADAM\",\"learningRate\":0.01,\"momentum\":0.9,\"beta1\":0.9,"
            + "\"beta2\":0.999,\"epsilon\":1.0E-8,\"l2\":0.0,\"batchSize\":32,\"decay\":\"NONE\",\"decayRate\":0.0,"
            + "\"decayEvery\":10}";
    private static final String ADAM_0002 = ADAM_001.replace("\"learningRate\":0.01", "\"learningRate\":0.002")
            .replace("\"batchSize\":32", "\"batchSize\":64");

    /** Lines as the current version writes them, with the record each one is. */
    private static final List<Object[]> CURRENT = List.of(
            line("start", "{\"epochs\":1000}", new Event.Start(1000)),
            line("stop", "{\"finished\":true}", new Event.Stop(true)),
            line("pause", "{}", new Event.Pause()),
            line("resume", "{}", new Event.Resume()),
            line("more-epochs", "{\"added\":20,\"epochs\":60}", new Event.MoreEpochs(20, 60)),
            line("hyperparameters", "{\"from\":" + ADAM_001 + ",\"to\":" + ADAM_0002
                    + ",\"source\":\"user\",\"batchSizeTakesEffectAtEpoch\":7}", new Event.HyperparametersChanged(
                    adam(0.01, 32), adam(0.002, 64), "user", 7)),
            line("hyperparameters", "{\"from\":" + ADAM_001 + ",\"to\":" + ADAM_001.replace("0.01,", "0.005,")
                    + ",\"source\":\"plateau\"}", new Event.HyperparametersChanged(adam(0.01, 32), adam(0.005, 32),
                    "plateau", -1)),
            line("checkpoint", "{\"id\":\"epoch-0001\",\"source\":\"epoch\"}",
                    new Event.CheckpointTaken("epoch-0001", "epoch")),
            line("rewind", "{\"to\":\"epoch-0006\",\"fromStep\":180,\"fromEpoch\":12,\"fromBranch\":0,\"branch\":1}",
                    new Event.Rewind("epoch-0006", 180, 12, 0, 1, false)),
            line("rewind", "{\"to\":\"epoch-0003\",\"fromStep\":90,\"fromEpoch\":3,\"fromBranch\":0,\"branch\":2,"
                    + "\"fromDisk\":true}", new Event.Rewind("epoch-0003", 90, 3, 0, 2, true)),
            line("guard", "{\"reason\":\"cost NaN at step 7\",\"lastGood\":\"step-0\",\"autoRewind\":false}",
                    new Event.GuardTripped("cost NaN at step 7", "step-0", false)),
            line("guard", "{\"reason\":\"cost NaN at step 3\",\"lastGood\":null,\"autoRewind\":true}",
                    new Event.GuardTripped("cost NaN at step 3", null, true)),
            line("early-stop", "{\"best\":\"epoch-0004\",\"bestCost\":0.25,\"patience\":3}",
                    new Event.EarlyStop("epoch-0004", 0.25, 3)),
            line("rules", "{\"guard\":true,\"guardAutoRewind\":false,\"reduceOnPlateau\":true,\"earlyStop\":false}",
                    new Event.RulesSet(true, false, true, false)),
            line("pace", "{\"pace\":\"5 epochs/s\",\"epochsPerSecond\":5.0}", new Event.PaceSet("5 epochs/s", 5)),
            line("pace", "{\"pace\":\"as fast as possible\",\"epochsPerSecond\":-1.0}",
                    new Event.PaceSet("as fast as possible", -1)),
            line("lr-range-test", "{\"minAlpha\":1.0E-5,\"maxAlpha\":1.0,\"steps\":96,\"suggested\":4.5E-5}",
                    new Event.RangeTest(1e-5, 1, 96, 4.5e-5)),
            line("lr-range-test", "{\"minAlpha\":1.0E-5,\"maxAlpha\":1.0,\"steps\":10,\"suggested\":\"NaN\"}",
                    new Event.RangeTest(1e-5, 1, 10, Double.NaN)),
            line("siblings", "{\"checkpoint\":\"epoch-0008\",\"count\":2,\"epochs\":6,\"alphaDecades\":0.7,"
                    + "\"betaDecades\":0.5,\"seed\":2026,\"threads\":2,\"varied\":\"beta1\",\"alphas\":[0.01,0.03],"
                    + "\"betas\":[0.9,0.8]}", new Event.SiblingsStarted("epoch-0008", 2, 6, 0.7, 0.5, 2026, 2, "beta1",
                    List.of(0.01, 0.03), List.of(0.9, 0.8))),
            line("siblings", "{\"checkpoint\":\"step-5\",\"count\":2,\"epochs\":1,\"alphaDecades\":0.5,"
                    + "\"betaDecades\":0.5,\"seed\":1,\"threads\":1,\"varied\":\"none\",\"alphas\":[0.1,0.2]}",
                    new Event.SiblingsStarted("step-5", 2, 1, 0.5, 0.5, 1, 1, "none", List.of(0.1, 0.2), List.of())),
            line("siblings-adopted", "{\"checkpoint\":\"epoch-0008\",\"index\":1,\"alpha\":0.03,\"beta\":0.8,"
                    + "\"betaName\":\"beta1\",\"epochs\":6}",
                    new Event.SiblingsAdopted("epoch-0008", 1, 0.03, 0.8, "beta1", 6)),
            line("siblings-adopted", "{\"checkpoint\":\"step-5\",\"index\":0,\"alpha\":0.1,\"epochs\":1}",
                    new Event.SiblingsAdopted("step-5", 0, 0.1, Double.NaN, null, 1)),
            line("siblings-discarded", "{\"checkpoint\":\"epoch-0008\",\"reason\":\"stop\"}",
                    new Event.SiblingsDiscarded("epoch-0008", "stop")));

    private static Object[] line(String kind, String details, Event event) {
        return new Object[] {"{\"type\":\"event\",\"kind\":\"" + kind + "\",\"step\":90,\"epoch\":6,\"branch\":1,"
                + "\"details\":" + details + ",\"timeMillis\":1796398018272}", event};
    }

    private static Hyperparameters adam(double alpha, int batch) {
        return new Hyperparameters(alpha, 0.9, 0.9, 0.999, 1e-8, LrDecay.NONE, 0.0, 0.0, batch, OptimizerKind.ADAM, 10);
    }

    private static RunEvent read(String line, String recordedBy) throws Exception {
        return (RunEvent) JsonLines.parse(Json.MAPPER.readTree(line), recordedBy);
    }

    @Test
    void everyKindWrittenTodayReadsAsItsRecordAndIsWrittenAgainByteForByte() throws Exception {
        for (Object[] c : CURRENT) {
            String line = (String) c[0];
            RunEvent e = read(line, null);
            assertThat(e.event()).as(line).isEqualTo(c[1]);
            assertThat(e.step()).isEqualTo(90);
            assertThat(e.epoch()).isEqualTo(6);
            assertThat(e.branch()).isEqualTo(1);
            assertThat(e.timeMillis()).isEqualTo(1796398018272L);
            assertThat(new String(JsonLines.line(JsonLines.toJson(e)), StandardCharsets.UTF_8)).isEqualTo(line + "\n");
        }
        // every kind the session records is among them (the error is shown, never recorded)
        assertThat(CURRENT.stream().map(c -> ((Event) c[1]).getClass()).distinct().count())
                .isEqualTo(Event.class.getPermittedSubclasses().length - 2);
    }

    @Test
    void fieldsWrittenBeforeTheyExistedTakeWhatTheyMeantThen() throws Exception {
        // hyperparameters without decayEvery (before the staircase) and without decayRate
        String noEvery = ADAM_001.replace(",\"decayEvery\":10", "");
        RunEvent h = read("{\"type\":\"event\",\"kind\":\"hyperparameters\",\"step\":90,\"epoch\":6,\"branch\":0,"
                + "\"details\":{\"from\":" + noEvery + ",\"to\":" + noEvery.replace(",\"decayRate\":0.0", "")
                .replace("0.01,", "0.002,") + ",\"source\":\"user\"},\"timeMillis\":1}", null);
        Event.HyperparametersChanged change = (Event.HyperparametersChanged) h.event();
        assertThat(change.from().decayEvery()).isEqualTo(LrDecay.DEFAULT_EVERY);
        assertThat(change.to().learningRate()).isEqualTo(0.002);
        assertThat(change.to().decay()).isEqualTo(LrDecay.NONE.defaultRate());
        assertThat(change.batchSizeTakesEffectAtEpoch()).isEqualTo(-1);

        // siblings before they could vary β1 or β2 always varied the momentum β, and said nothing of it
        RunEvent s = read("{\"type\":\"event\",\"kind\":\"siblings\",\"step\":1,\"epoch\":0,\"branch\":0,\"details\":"
                + "{\"checkpoint\":\"step-1\",\"count\":2,\"epochs\":3,\"alphaDecades\":0.5,\"betaDecades\":0.5,"
                + "\"seed\":7,\"threads\":2,\"alphas\":[0.1,0.2],\"betas\":[0.9,0.95]},\"timeMillis\":1}", null);
        assertThat(((Event.SiblingsStarted) s.event()).varied()).isEqualTo("momentum");
        RunEvent a = read("{\"type\":\"event\",\"kind\":\"siblings-adopted\",\"step\":1,\"epoch\":0,\"branch\":0,"
                + "\"details\":{\"checkpoint\":\"step-1\",\"index\":1,\"alpha\":0.2,\"beta\":0.95,\"epochs\":3},"
                + "\"timeMillis\":1}", null);
        assertThat(a.event()).isEqualTo(new Event.SiblingsAdopted("step-1", 1, 0.2, 0.95, null, 3));

        // the first checkpoints did not say why they were taken
        RunEvent c = read("{\"type\":\"event\",\"kind\":\"checkpoint\",\"step\":15,\"epoch\":1,\"branch\":0,"
                + "\"details\":{\"id\":\"epoch-0001\"},\"timeMillis\":1}", null);
        assertThat(c.event()).isEqualTo(new Event.CheckpointTaken("epoch-0001", ""));
    }

    @Test
    void version010sExponentialDecayKeepsItsFixedBase() throws Exception {
        String old = ADAM_001.replace(",\"decayEvery\":10", "").replace("\"decay\":\"NONE\"", "\"decay\":\"EXPONENTIAL\"");
        String line = "{\"type\":\"event\",\"kind\":\"hyperparameters\",\"step\":5,\"epoch\":0,\"branch\":0,"
                + "\"details\":{\"from\":" + old + ",\"to\":" + old.replace("0.01,", "0.03,")
                + ",\"source\":\"user\"},\"timeMillis\":1}";
        Event.HyperparametersChanged change = (Event.HyperparametersChanged) read(line, "0.1.0").event();
        assertThat(change.to().decayKind()).isEqualTo(LrDecay.EXPONENTIAL);
        assertThat(change.to().decay()).isEqualTo(0.95);
        assertThat(change.to().learningRate()).isEqualTo(0.03);
        // the current version means what it says, and a base of 0 cannot be read
        Event now = read(line, null).event();
        assertThat(now).isInstanceOf(Event.Other.class);
        assertThat(((Event.Other) now).problem()).contains("0.0");
    }

    @Test
    void anUnknownKindIsKeptWithItsDetails() throws Exception {
        String line = "{\"type\":\"event\",\"kind\":\"weather\",\"step\":3,\"epoch\":0,\"branch\":0,"
                + "\"details\":{\"sky\":\"grey\",\"wind\":[1,2]},\"timeMillis\":4}";
        RunEvent e = read(line, null);
        assertThat(e.event()).isEqualTo(new Event.Other("weather", "{\"sky\":\"grey\",\"wind\":[1,2]}", null));
        assertThat(e.kind()).isEqualTo("weather");
        assertThat(new String(JsonLines.line(JsonLines.toJson(e)), StandardCharsets.UTF_8)).isEqualTo(line + "\n");
    }

    @Test
    void aKnownKindWithDamagedDetailsIsKeptAndNamedInTheWarnings(@TempDir Path tmp) throws IOException {
        Path dir;
        try (RunWriter w = RunWriter.create(tmp, "damaged", Json.MAPPER.createObjectNode().put("seed", 1),
                RunRoundTripTest.CLOCK)) {
            dir = w.dir();
        }
        Files.writeString(dir.resolve(RunWriter.EVENTS),
                "{\"type\":\"event\",\"kind\":\"start\",\"step\":0,\"epoch\":0,\"branch\":0,\"details\":{\"epochs\":3},"
                        + "\"timeMillis\":1}\n"
                        + "{\"type\":\"event\",\"kind\":\"rewind\",\"step\":2,\"epoch\":0,\"branch\":1,"
                        + "\"details\":{\"to\":\"step-1\",\"fromStep\":\"five\"},\"timeMillis\":2}\n"
                        + "{\"type\":\"event\",\"kind\":\"future-thing\",\"step\":2,\"epoch\":0,\"branch\":1,"
                        + "\"timeMillis\":3}\n");
        Run run = RunReader.read(dir);
        assertThat(run.events()).extracting(RunEvent::event).containsExactly(new Event.Start(3),
                new Event.Other("rewind", "{\"to\":\"step-1\",\"fromStep\":\"five\"}",
                        "details.fromStep must be a whole number, got \"five\""),
                new Event.Other("future-thing", "{}", null));
        assertThat(run.warnings()).singleElement().asString().contains(RunWriter.EVENTS + " line 2")
                .contains("\"rewind\" event cannot be read").contains("details.fromStep");
    }
}
