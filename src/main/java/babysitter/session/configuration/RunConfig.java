package babysitter.session.configuration;

import babysitter.data.BatchOrder;
import babysitter.data.DataSpec;
import babysitter.engine.Hyperparameters;
import babysitter.engine.InvalidValue;
import babysitter.engine.Precision;
import babysitter.session.live.Schedule;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Everything needed to start a run, as written in a JSON configuration file (see
 * {@link ConfigFiles}) and in the run's {@code run.json}.
 *
 * @param name       a short name for the run folder (default: the data set's kind)
 * @param network    the hidden layers and precision
 * @param optimizer  the optimiser and its hyperparameters
 * @param data       the data set
 * @param epochs     how many epochs to train, at least 1 (default 10)
 * @param seed       seed of the weights, the split and the batch order (default 1)
 * @param batchOrder shuffled each epoch (default) or the data's own order
 * @param logEvery   a step metric is recorded every this many steps, at least 1 (default 10)
 * @param checkpoints which checkpoint folders stay on disk (default {@link CheckpointPolicy#DEFAULTS})
 * @param schedule   changes of hyperparameters at given epochs or steps (default none; see {@link Schedule})
 */
public record RunConfig(String name, NetworkSpec network, OptimizerSpec optimizer, DataSpec data, Integer epochs,
                        Long seed, BatchOrder batchOrder, Integer logEvery, CheckpointPolicy checkpoints,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ScheduleEntry> schedule) {

    public static final int DEFAULT_EPOCHS = 10;
    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_LOG_EVERY = 10;

    public RunConfig {
        Objects.requireNonNull(data, "data");
        network = network == null ? new NetworkSpec(null, null, null, null) : network;
        optimizer = optimizer == null ? OptimizerSpec.of(Hyperparameters.DEFAULTS) : optimizer;
        epochs = epochs == null ? DEFAULT_EPOCHS : epochs;
        if (epochs < 1) {
            throw new InvalidValue("epochs", "epochs", InvalidValue.Rule.AT_LEAST, String.valueOf(epochs), "1");
        }
        seed = seed == null ? DEFAULT_SEED : seed;
        batchOrder = batchOrder == null ? BatchOrder.SHUFFLED : batchOrder;
        logEvery = logEvery == null ? DEFAULT_LOG_EVERY : logEvery;
        if (logEvery < 1) {
            throw new InvalidValue("logEvery", "logEvery", InvalidValue.Rule.AT_LEAST, String.valueOf(logEvery), "1");
        }
        if (name == null || name.isBlank()) {
            name = data.kind() == null ? "run" : data.kind();
        }
        checkpoints = checkpoints == null ? CheckpointPolicy.DEFAULTS : checkpoints;
        if (schedule != null && schedule.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("schedule: an entry is null; each is {\"at\": ..., \"set\": ...}");
        }
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
    }

    /** A configuration without a schedule. */
    public RunConfig(String name, NetworkSpec network, OptimizerSpec optimizer, DataSpec data, Integer epochs,
                     Long seed, BatchOrder batchOrder, Integer logEvery, CheckpointPolicy checkpoints) {
        this(name, network, optimizer, data, epochs, seed, batchOrder, logEvery, checkpoints, null);
    }

    /** A configuration with the default checkpoint policy. */
    public RunConfig(String name, NetworkSpec network, OptimizerSpec optimizer, DataSpec data, Integer epochs,
                     Long seed, BatchOrder batchOrder, Integer logEvery) {
        this(name, network, optimizer, data, epochs, seed, batchOrder, logEvery, null);
    }

    /**
     * Loads the data (seeded by the run's seed) with the features stored in the network's
     * precision unless {@code data.precision} says otherwise: a float64 network sees the values as
     * read, a float32 one keeps float32 storage.
     */
    public DataSpec.LoadedData loadData() {
        return data.load(seed, storage());
    }

    /** FLOAT or DOUBLE: how the data of this run are stored ({@code data.precision}, else the network's). */
    public DataType storage() {
        if (data.precision() != null) {
            return data.precision().dataType();
        }
        Precision p = network.precision();
        return (p == null ? Precision.FLOAT32 : p).dataType();
    }

    public RunConfig withEpochs(int n) {
        return new RunConfig(name, network, optimizer, data, n, seed, batchOrder, logEvery, checkpoints, schedule);
    }

    public RunConfig withName(String n) {
        return new RunConfig(n, network, optimizer, data, epochs, seed, batchOrder, logEvery, checkpoints, schedule);
    }

    public RunConfig withData(DataSpec d) {
        return new RunConfig(name, network, optimizer, d, epochs, seed, batchOrder, logEvery, checkpoints, schedule);
    }

    public RunConfig withOptimizer(OptimizerSpec o) {
        return new RunConfig(name, network, o, data, epochs, seed, batchOrder, logEvery, checkpoints, schedule);
    }

    public RunConfig withBatchOrder(BatchOrder order) {
        return new RunConfig(name, network, optimizer, data, epochs, seed, order, logEvery, checkpoints, schedule);
    }

    public RunConfig withCheckpoints(CheckpointPolicy policy) {
        return new RunConfig(name, network, optimizer, data, epochs, seed, batchOrder, logEvery, policy, schedule);
    }

    public RunConfig withSchedule(List<ScheduleEntry> entries) {
        return new RunConfig(name, network, optimizer, data, epochs, seed, batchOrder, logEvery, checkpoints, entries);
    }
}
