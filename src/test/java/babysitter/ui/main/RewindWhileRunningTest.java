package babysitter.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.configuration.ConfigFiles;
import babysitter.session.reports.Report;
import babysitter.session.training.Snapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rewinding from the checkpoint strip while a fast run trains: the strip shows the checkpoints
 * the session keeps now, and the confirmation holds the trainer, so every chip a person clicks can
 * be restored. This test thread plays the JavaFX thread and the person.
 */
class RewindWhileRunningTest {
    private final FxPump pump = new FxPump();
    private MainViewModel vm;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.closeSession();
        }
    }



    @Test
    void fiftyRewindsToRandomChipsOfARunningSpiralSessionAreNeverRefused(@TempDir Path runs) throws Exception {
        vm = pump.create(runs);
        vm.newRun(ConfigFiles.parse("""
                { "data": { "kind": "spiral", "n": 600, "arms": 3, "noise": 0.2, "devFraction": 0.2 },
                  "network": { "hidden": [ { "units": 32, "activation": "relu", "batchNorm": true },
                                           { "units": 32, "activation": "relu", "batchNorm": true } ] },
                  "optimizer": { "kind": "adam", "learningRate": 0.01, "batchSize": 32 },
                  "epochs": 3000, "seed": 1 }""", "test"));
        // New run starts training at once
        Random random = new Random(5);
        for (int i = 0; i < 50; i++) {
            pump.until(() -> vm.progress().stateProperty().get() == Report.State.RUNNING && vm.checkpoints().size() >= 5);
            pump.forMillis(random.nextInt(60));
            List<Snapshot.CheckpointSummary> strip = List.copyOf(vm.checkpoints());
            Snapshot.CheckpointSummary chip = strip.get(random.nextInt(strip.size()));
            vm.holdForRewind(); // the confirmation opens
            pump.forMillis(20 + random.nextInt(80)); // the person reads it while reports still arrive
            long branch = vm.progress().branchProperty().get();
            vm.rewindHeld(chip.id());
            pump.until(() -> vm.progress().branchProperty().get() != branch
                    || vm.events().stream().anyMatch(e -> e.kind().equals("error")));
        }
        assertThat(vm.events()).filteredOn(e -> e.kind().equals("error")).isEmpty();
        assertThat(vm.events()).filteredOn(e -> e.kind().equals("rewind")).hasSize(50);
    }
}
