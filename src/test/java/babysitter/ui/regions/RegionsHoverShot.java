package babysitter.ui.regions;

import babysitter.session.configuration.ConfigFiles;
import babysitter.session.insights.DecisionRegions;
import babysitter.session.reports.Report;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import babysitter.ui.main.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * Pictures of the decision-regions map with its hover box: a spiral trained for a few epochs, the
 * mouse (set through the view-model) on a misclassified point if there is one, and on empty
 * background. Run with a display (e.g. {@code xvfb-run}); writes {@code regions-hover.png}.
 */
public final class RegionsHoverShot {
    private RegionsHoverShot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(out);
        Trainer t = Runs.start(ConfigFiles.parse("""
                {
                  "data": { "kind": "spiral", "n": 600, "arms": 3, "noise": 0.15, "devFraction": 0.2 },
                  "network": { "hidden": [ { "units": 32, "activation": "relu", "batchNorm": true } ] },
                  "optimizer": { "kind": "adam", "learningRate": 0.02, "batchSize": 32 },
                  "epochs": 15, "seed": 3, "logEvery": 10
                }""", "shot"), null, null, Clock.systemUTC());
        while (!t.finished()) {
            t.trainEpoch();
        }
        Report.RegionsReport r = DecisionRegions.compute(t.network(), t.data().split().train(), 80, 80, 14, 0);
        t.close();
        // a misclassified point away from the right and bottom edges, else the first point
        int pick = 0;
        for (int i = 0; i < r.points(); i++) {
            int best = 0;
            for (int k = 1; k < r.classes(); k++) {
                if (r.pointProbability(i, k) > r.pointProbability(i, best)) {
                    best = k;
                }
            }
            double fx = (r.pointsX()[i] - r.xMin()) / (r.xMax() - r.xMin());
            if (best != r.pointLabels()[i] && fx < 0.8) {
                pick = i;
                break;
            }
        }
        double s = RegionsView.SIZE;
        double px = (r.pointsX()[pick] - r.xMin()) / (r.xMax() - r.xMin()) * s;
        double py = (r.yMax() - r.pointsY()[pick]) / (r.yMax() - r.yMin()) * s;

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                RegionsViewModel onPoint = new RegionsViewModel();
                RegionsViewModel onCell = new RegionsViewModel();
                onPoint.accept(List.of(r));
                onCell.accept(List.of(r));
                HBox box = new HBox(12, new RegionsView(onPoint), new RegionsView(onCell));
                box.setPadding(new Insets(8));
                Stage stage = new Stage();
                stage.setScene(new Scene(box));
                stage.show();
                onPoint.hover(px + 2, py + 1, s, s);
                // an empty spot near the middle for the cell box
                double[] spot = {0.5 * s, 0.5 * s};
                search:
                for (double d = 0; d < 0.5 * s; d += 4) {
                    for (double[] c : new double[][] {{0.5 * s - d, 0.5 * s}, {0.5 * s, 0.5 * s - d}}) {
                        if (onCell.pointAt(c[0], c[1], 25, s, s).isEmpty()) {
                            spot = c;
                            break search;
                        }
                    }
                }
                onCell.hover(spot[0], spot[1], s, s);
                Snapshots.writePng(box, 1, out.resolve("regions-hover.png"));
                System.out.println("hovered " + onPoint.hoverProperty().get() + "; wrote "
                        + out.resolve("regions-hover.png"));
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        done.get(60, TimeUnit.SECONDS);
        Platform.exit();
        System.exit(0);
    }
}
