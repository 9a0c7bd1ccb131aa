package babysitter.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import babysitter.engine.Hyperparameters;
import babysitter.engine.InvalidValue;
import babysitter.store.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trial's note: the English sentence the file and the command line keep, and its kind and values read back. */
class TrialNoteTest {

    private static final List<TrialNote> EVERY_KIND = List.of(
            TrialNote.NONE,
            TrialNote.text("an old sentence"),
            TrialNote.median(0.3, 2, 0.72, 3),
            TrialNote.halving(3, 0.4, 1, 2, 3, 0.5),
            TrialNote.invalid("units: no hidden layer"),
            TrialNote.invalidValue("learningRate=0.01, beta1=1", invalidBeta1()),
            TrialNote.invalidValue("batchSize=0", invalidBatchSize()),
            TrialNote.notStarted("java.lang.IllegalStateException: closed"),
            TrialNote.diverged(1, Double.NaN, 1e12),
            TrialNote.divergedDev(4, Double.POSITIVE_INFINITY, 0.03),
            TrialNote.error("out of memory"),
            TrialNote.runFolder("disk full"),
            TrialNote.cancelled(2),
            TrialNote.interrupted(),
            TrialNote.memberLeft(),
            TrialNote.unclaimed(),
            TrialNote.memberShutDown("127.0.0.1:5702"),
            TrialNote.returned("the coordinator asked"));

    @Test
    void theEnglishSentencesAreTheOnesTheFileAndTheCommandLineAlwaysHad() {
        assertThat(TrialNote.median(0.3, 2, 0.72, 3).english()).isEqualTo("median rule: best dev accuracy 0.3000 after"
                + " epoch 2 is below the median 0.7200 of 3 other trials at that epoch");
        assertThat(TrialNote.halving(1, 0.4, 1, 2, 3, 0.5).english()).isEqualTo("successive halving: at the rung of 1"
                + " epochs, best dev accuracy 0.4000 is not in the top 1 of 2 trials (1/eta, eta 3; needs >= 0.5000)");
        assertThat(TrialNote.diverged(1, Double.NaN, 1e12).english()).isEqualTo("diverged at epoch 1: cost NaN, α=1.00e+12");
        assertThat(TrialNote.divergedDev(4, Double.POSITIVE_INFINITY, 0.03).english())
                .isEqualTo("diverged at epoch 4: cost Infinity (dev), α=0.03");
        assertThat(TrialNote.cancelled(2).english()).isEqualTo("cancelled after epoch 2; restarts from scratch");
        assertThat(TrialNote.memberShutDown("h:1").english()).isEqualTo("member h:1 shut down; restarts from scratch");
        assertThat(TrialNote.memberLeft().english()).isEqualTo("its member left the cluster; restarts from scratch");
        assertThat(TrialNote.invalid("x").english()).isEqualTo("invalid combination: x");
        assertThat(TrialNote.invalidValue("learningRate=0.01, beta1=1", invalidBeta1()).english())
                .isEqualTo("invalid combination: learningRate=0.01, beta1=1: β1 must be in [0, 1), got 1.0");
        assertThat(TrialNote.invalidValue("batchSize=0", invalidBatchSize()).english())
                .isEqualTo("invalid combination: batchSize=0: mini-batch size must be at least 1, got 0");
        assertThat(TrialNote.NONE.english()).isEmpty();
        assertThat(TrialNote.text("")).isEqualTo(TrialNote.NONE);
    }

    @Test
    void everyKindIsReadBackFromItsLineAsItWasWritten() {
        for (TrialNote note : EVERY_KIND) {
            ObjectNode line = Json.object();
            note.write(line);
            assertThat(line.path("note").asText()).isEqualTo(note.english());
            assertThat(TrialNote.read(line)).as(line.toString()).isEqualTo(note);
        }
    }

    @Test
    void aLineWithoutAKindIsItsSentenceAsRecorded() throws Exception {
        JsonNode old = Json.MAPPER.readTree("{\"note\":\"median rule: best dev accuracy 0.3000 after epoch 2 is below"
                + " the median 0.7200 of 3 other trials at that epoch\"}");
        TrialNote read = TrialNote.read(old);
        assertThat(read.kind()).isEqualTo(TrialNote.Kind.TEXT);
        assertThat(read.english()).isEqualTo(old.path("note").asText());
        assertThat(TrialNote.read(Json.MAPPER.readTree("{}"))).isEqualTo(TrialNote.NONE);
    }

    @Test
    void aKindWhoseValuesDoNotGiveBackTheSentenceLeavesTheSentence() throws Exception {
        String[] lines = {
            // edited by hand: the values say 0.9, the sentence 0.3
            "{\"note\":\"median rule: best dev accuracy 0.3000 after epoch 2 is below the median 0.7200 of 3 other"
                    + " trials at that epoch\",\"noteKind\":\"MEDIAN\",\"noteValues\":[0.9,2,0.72,3]}",
            // a kind from a newer program
            "{\"note\":\"paused by the moon\",\"noteKind\":\"MOON\",\"noteValues\":[]}",
            // too few values, and a word where a whole number belongs
            "{\"note\":\"cancelled after epoch 2; restarts from scratch\",\"noteKind\":\"CANCELLED\",\"noteValues\":[]}",
            "{\"note\":\"cancelled after epoch 2; restarts from scratch\",\"noteKind\":\"CANCELLED\",\"noteValues\":[\"2\"]}",
        };
        for (String line : lines) {
            JsonNode n = Json.MAPPER.readTree(line);
            assertThat(TrialNote.read(n)).as(line).isEqualTo(TrialNote.text(n.path("note").asText()));
        }
    }

    @Test
    void aNoteChecksItsValuesAgainstItsKind() {
        assertThatThrownBy(() -> new TrialNote(TrialNote.Kind.CANCELLED, List.of()))
                .hasMessageContaining("CANCELLED takes 1 values, got 0");
        assertThatThrownBy(() -> new TrialNote(TrialNote.Kind.CANCELLED, List.of(2.0)))
                .hasMessageContaining("CANCELLED value 1 has the wrong type");
    }

    @Test
    void theKeysAreCamelCaseAfterTheKind() {
        assertThat(TrialNote.Kind.MEDIAN.key()).isEqualTo("note.trial.median");
        assertThat(TrialNote.Kind.MEMBER_SHUT_DOWN.key()).isEqualTo("note.trial.memberShutDown");
        assertThat(TrialNote.Kind.DIVERGED_DEV.key()).isEqualTo("note.trial.divergedDev");
    }

    private static InvalidValue invalidBeta1() {
        return catchThrowableOfType(() -> Hyperparameters.DEFAULTS.withBetas(1, 0.999), InvalidValue.class);
    }

    private static InvalidValue invalidBatchSize() {
        return catchThrowableOfType(() -> Hyperparameters.DEFAULTS.withBatchSize(0), InvalidValue.class);
    }
}
