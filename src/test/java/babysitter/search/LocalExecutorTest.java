package babysitter.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How the local pool divides OpenBLAS threads among parallel trials. */
class LocalExecutorTest {

    @Test
    void theCoresAreDividedAmongTheWorkersAndNoWorkerGetsMoreThanTheProcessSetting() {
        // the default setting (1 OpenBLAS thread) stays 1 whatever the pool
        assertThat(LocalExecutor.blasThreadsFor(1, 2, 1)).isEqualTo(1);
        assertThat(LocalExecutor.blasThreadsFor(2, 2, 1)).isEqualTo(1);
        // a larger setting is divided: two workers on two cores get one thread each
        assertThat(LocalExecutor.blasThreadsFor(1, 2, 2)).isEqualTo(2);
        assertThat(LocalExecutor.blasThreadsFor(2, 2, 2)).isEqualTo(1);
        assertThat(LocalExecutor.blasThreadsFor(2, 8, 8)).isEqualTo(4);
        assertThat(LocalExecutor.blasThreadsFor(1, 8, 4)).isEqualTo(4);
        // more workers than cores: never below one thread
        assertThat(LocalExecutor.blasThreadsFor(4, 2, 8)).isEqualTo(1);
    }

    @Test
    void aPoolNeedsAWorker() {
        assertThatThrownBy(() -> new LocalExecutor(0)).hasMessageContaining("workers must be at least 1, got 0");
    }

    @Test
    void trialsRecordTheirInsightReportsOnlyWhenAsked(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        babysitter.session.configuration.RunConfig c = babysitter.session.configuration.ConfigFiles.parse("""
                { "data": { "kind": "spiral", "n": 120, "arms": 3, "noise": 0.1, "devFraction": 0.25 },
                  "network": { "hidden": [ { "units": 8, "activation": "relu", "batchNorm": false } ] },
                  "optimizer": { "kind": "adam", "learningRate": 0.02, "batchSize": 32 }, "epochs": 2, "seed": 1 }
                """, "trial");
        for (boolean on : new boolean[] {false, true}) {
            java.nio.file.Path root = tmp.resolve(on ? "on" : "off");
            java.nio.file.Path[] dir = new java.nio.file.Path[1];
            String[] failed = new String[1];
            TrialTask.Callback cb = new TrialTask.Callback() {
                @Override
                public boolean onEpoch(int trialId, EpochPoint p, String checkpointId) {
                    return true;
                }

                @Override
                public void onStarted(int trialId, java.nio.file.Path runDir) {
                    dir[0] = runDir;
                }

                @Override
                public void onFinished(int trialId) {
                }

                @Override
                public void onFailed(int trialId, TrialNote why) {
                    failed[0] = why.english();
                }
            };
            if (on) {
                System.setProperty(LocalExecutor.TRIAL_INSIGHTS, "true");
            }
            try {
                LocalExecutor.runTrial(new TrialTask(1, c, root, 2), cb, java.time.Clock.systemUTC());
            } finally {
                System.clearProperty(LocalExecutor.TRIAL_INSIGHTS);
            }
            assertThat(failed[0]).isNull();
            java.util.List<babysitter.store.InsightRecord> records = babysitter.store.RunReader.read(dir[0]).insights();
            if (on) {
                // confusion, samples and regions (2 features) for each of the 2 epochs
                assertThat(records).extracting(babysitter.store.InsightRecord::kind).containsExactly("confusion",
                        "samples", "regions", "confusion", "samples", "regions");
            } else {
                assertThat(records).isEmpty();
            }
        }
    }

    /** A trial's network has one engine thread on any thread that runs it: the pool's or a cluster worker's slot. */
    @Test
    void aTrialTrainsOnOneEngineThreadWhateverThreadRunsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        babysitter.session.configuration.RunConfig c = babysitter.session.configuration.ConfigFiles.parse("""
                { "data": { "kind": "spiral", "n": 60, "arms": 3, "noise": 0.1, "devFraction": 0.25 },
                  "network": { "hidden": [ { "units": 8, "activation": "relu", "batchNorm": false } ] },
                  "optimizer": { "kind": "adam", "learningRate": 0.02, "batchSize": 32 }, "epochs": 1, "seed": 1 }
                """, "trial");
        int[] threadsAtStart = new int[1];
        TrialTask.Callback cb = new TrialTask.Callback() {
            @Override
            public boolean onEpoch(int trialId, EpochPoint p, String checkpointId) {
                return true;
            }

            @Override
            public void onStarted(int trialId, java.nio.file.Path runDir) {
                threadsAtStart[0] = babysitter.engine.EngineThreads.current();
            }

            @Override
            public void onFinished(int trialId) {
            }

            @Override
            public void onFailed(int trialId, TrialNote why) {
            }
        };
        Thread slot = new Thread(() -> {
            babysitter.engine.EngineThreads.setForThisThread(2); // as any thread may have it
            LocalExecutor.runTrial(new TrialTask(1, c, tmp, 1), cb, java.time.Clock.systemUTC());
        });
        slot.start();
        slot.join(60_000);
        assertThat(threadsAtStart[0]).isEqualTo(1);
    }
}
