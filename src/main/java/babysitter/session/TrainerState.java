package babysitter.session;

import babysitter.data.MiniBatches;
import babysitter.engine.Hyperparameters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The trainer's part of a checkpoint, beside the network's arrays: the hyperparameters, where the
 * batch order stands (with its random state), whether an epoch is under way and its running sums.
 * Kept in memory with a {@link Snapshot} and written as the {@code extra} object of a checkpoint
 * folder's {@code checkpoint.json}; this is the one place that writes and reads that object.
 */
record TrainerState(Hyperparameters hp, MiniBatches.Position position, boolean inEpoch, double costSum,
                    long correct, long examples) {

    ObjectNode toJson() {
        ObjectNode o = ConfigFiles.MAPPER.createObjectNode();
        o.set("hyperparameters", ConfigFiles.MAPPER.valueToTree(OptimizerSpec.of(hp)));
        o.set("batches", ConfigFiles.MAPPER.valueToTree(position));
        o.put("inEpoch", inEpoch);
        o.put("epochCostSum", costSum);
        o.put("epochCorrect", correct);
        o.put("epochExamples", examples);
        return o;
    }

    /**
     * @param dir the checkpoint folder, for the message when the object cannot be read
     * @throws IOException naming the folder and what is wrong
     */
    static TrainerState fromJson(ObjectNode o, Path dir) throws IOException {
        return fromJson(o, dir, Runs.PROGRAM_VERSION);
    }

    /**
     * As {@link #fromJson(ObjectNode, Path)} for a checkpoint written by version {@code recordedBy}
     * (whose settings may have meant something else then; see {@link OptimizerSpec#asRecordedBy}).
     */
    static TrainerState fromJson(ObjectNode o, Path dir, String recordedBy) throws IOException {
        JsonNode hpNode = o.get("hyperparameters");
        JsonNode batchesNode = o.get("batches");
        if (hpNode == null || batchesNode == null) {
            throw new IOException(dir + ": the checkpoint's trainer state has no "
                    + (hpNode == null ? "\"hyperparameters\"" : "\"batches\""));
        }
        try {
            Hyperparameters hp = ConfigFiles.MAPPER.treeToValue(hpNode, OptimizerSpec.class).asRecordedBy(recordedBy)
                    .toHyperparameters();
            MiniBatches.Position position = ConfigFiles.MAPPER.treeToValue(batchesNode, MiniBatches.Position.class);
            return new TrainerState(hp, position, o.path("inEpoch").asBoolean(false),
                    o.path("epochCostSum").asDouble(0), o.path("epochCorrect").asLong(0),
                    o.path("epochExamples").asLong(0));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IOException(dir + ": the checkpoint's trainer state cannot be read: " + e.getMessage(), e);
        }
    }
}
