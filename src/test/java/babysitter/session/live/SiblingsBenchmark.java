package babysitter.session.live;

import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.session.reports.Report;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import babysitter.session.training.TrainerTest;
import java.util.Locale;

/**
 * Wall time of "Try siblings" on the shipped digits (1,437 training rows, a 64→128→64→10 network
 * with batch norm, Adam, batch 32): 4 siblings × 2 epochs from the checkpoint after
 * one epoch, with 1 and with 2 worker threads, against the main run training 2 epochs alone. Not a
 * test: {@code ./mvnw -q -o exec:java -Dexec.mainClass=babysitter.session.live.SiblingsBenchmark -Dexec.classpathScope=test}.
 */
public final class SiblingsBenchmark {
    private SiblingsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        RunConfig c = ConfigFiles.parse("""
                { "data": { "kind": "digits", "devFraction": 0.2 },
                  "network": { "hidden": [ { "units": 128, "activation": "relu", "batchNorm": true },
                                           { "units": 64, "activation": "relu", "batchNorm": true } ] },
                  "optimizer": { "kind": "adam", "learningRate": 0.003, "batchSize": 32 },
                  "epochs": 50, "seed": 1, "logEvery": 50 }
                """, "bench");
        for (int rep = 0; rep < 3; rep++) {
            Trainer alone = Runs.start(c, null, null, TrainerTest.CLOCK);
            alone.trainEpoch();
            long t0 = System.nanoTime();
            alone.trainEpoch();
            alone.trainEpoch();
            double single = (System.nanoTime() - t0) / 1e9;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "main run, 2 epochs: %.2f s", single));
            for (int threads : new int[] {1, 2}) {
                System.setProperty("babysitter.siblingThreads", Integer.toString(threads));
                Trainer t = Runs.start(c, null, null, TrainerTest.CLOCK);
                Recorder rec = new Recorder();
                TrainingSession s = new TrainingSession(t);
                s.addListener(rec);
                s.open();
                s.submit(new Command.RunEpoch());
                rec.await(0, Report.EpochReport.class, e -> true, "an epoch");
                rec.barrier(s);
                int mark = rec.size();
                long s0 = System.nanoTime();
                s.submit(new Command.TrySiblings(4, 2, 0.5, 0.5, 7));
                Report.SiblingsReport done = rec.await(mark, Report.SiblingsReport.class,
                        r -> r.phase() == Report.SiblingsReport.Phase.DONE, "done");
                double wall = (System.nanoTime() - s0) / 1e9;
                line.append(String.format(Locale.ROOT, " · 4 siblings × 2 epochs on %d thread%s: %.2f s",
                        done.threads(), done.threads() == 1 ? "" : "s", wall));
                s.close(20_000);
            }
            System.out.println(line);
        }
        System.exit(0);
    }
}
