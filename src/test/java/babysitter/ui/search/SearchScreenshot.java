package babysitter.ui.search;

import babysitter.search.EarlyStopping;
import babysitter.search.Method;
import babysitter.search.Search;
import babysitter.search.SearchSpace;
import babysitter.search.Settings;
import babysitter.ui.BabysitterApp;
import babysitter.ui.main.MainViewModel;
import babysitter.ui.main.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Regenerates {@code docs/images/search-window.png}: a real small search on the spiral (a first
 * round, a second round around the top 4), a brushed range and a selected trial. Needs a display
 * (e.g. Xvfb): see {@code docs/images/make-screenshots.sh}.
 */
public final class SearchScreenshot {
    static final String SPACE = """
            { "base": { "name": "spiral",
                        "data": { "kind": "spiral", "n": 600, "arms": 3, "noise": 0.2, "devFraction": 0.2 },
                        "network": { "hidden": [ { "units": 32, "activation": "relu", "batchNorm": true },
                                                 { "units": 32, "activation": "relu", "batchNorm": true } ] },
                        "optimizer": { "kind": "momentum", "learningRate": 0.01, "batchSize": 32 },
                        "epochs": 12, "seed": 1 },
              "params": [
                { "name": "learningRate", "scale": "log", "min": 1e-4, "max": 1 },
                { "name": "momentum", "scale": "one-minus-log", "min": 0.5, "max": 0.999 },
                { "name": "batchSize", "scale": "pow2", "min": 16, "max": 256 },
                { "name": "units", "scale": "integer", "min": 4, "max": 64 } ] }
            """;

    /** Two parameters only, so that a grid of 4 per axis stays small (16 trials). */
    static final String GRID_SPACE = SPACE.substring(0, SPACE.indexOf("\"params\"")) + """
            "params": [
                { "name": "learningRate", "scale": "log", "min": 1e-4, "max": 1 },
                { "name": "momentum", "scale": "one-minus-log", "min": 0.5, "max": 0.999 } ] }
            """;

    private SearchScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(out);
        if (args.length > 1 && args[1].equals("grid")) {
            grid(out);
            return;
        }
        Path runs = Files.createTempDirectory("babysitter-search-screenshot");
        System.setProperty("babysitter.runs", runs.toString());
        Path spaceFile = runs.resolve("space.json");
        Files.writeString(spaceFile, SPACE);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Search search = Search.create(runs.resolve("searches").resolve("spiral-demo"), SearchSpace.read(spaceFile),
                Method.RANDOM, 12, 0, new Settings(12, 2, EarlyStopping.none(), 7));
        Stage[] stage = new Stage[1];
        fx(() -> {
            MainViewModel main = new BabysitterApp().createViewModel(Executors.newSingleThreadExecutor());
            stage[0] = SearchWindow.show(new babysitter.ui.app.AppContext(runs), null, main, search, 2, true);
        });
        SearchViewModel vm = (SearchViewModel) stage[0].getProperties().get(SearchViewModel.class);
        waitUntil(() -> !vm.progress().runningProperty().get() && vm.trials().rows().size() == 12
                && vm.trials().rows().stream().allMatch(r -> r.state().finished()));
        fx(() -> {
            vm.nextRound().trialsTextProperty().set("6");
            vm.nextRound().topKProperty().set(4);
            vm.nextRound().fromTopK();
        });
        waitUntil(() -> vm.trials().rows().size() == 18 && vm.trials().rows().stream().filter(r -> r.state().finished()).count() >= 15);
        fx(() -> {
            vm.charts().brush("learningRate", 0.45, 0.8);
            vm.charts().brush("momentum", 0.3, 0.9);
            vm.trials().selectedTrialProperty().set(vm.trials().rows().get(3).id());
        });
        Thread.sleep(800); // let the last frame draw (a picture, not a test)
        fx(() -> {
            try {
                Snapshots.writePng(stage[0].getScene().getRoot(), 1, out.resolve("search-window.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            vm.cancel();
        });
        System.out.println("wrote " + out.resolve("search-window.png"));
        Platform.exit();
        System.exit(0);
    }

    /**
     * {@code new-search-grid.png}: the New search form with Grid chosen; {@code search-grid.png}: a
     * random round of 16 trials beside a grid of 4 values per axis (16 trials too) over the same two
     * parameters, so the round lines and the scatters compare them.
     */
    static void grid(Path out) throws Exception {
        Path runs = Files.createTempDirectory("babysitter-search-screenshot");
        System.setProperty("babysitter.runs", runs.toString());
        Path spaceFile = runs.resolve("spiral-2d.json");
        Files.writeString(spaceFile, GRID_SPACE);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        MainViewModel[] main = new MainViewModel[1];
        fx(() -> main[0] = new BabysitterApp().createViewModel(Executors.newSingleThreadExecutor()));
        Platform.runLater(() -> SearchWindow.newSearch(new babysitter.ui.app.AppContext(runs), null, main[0]));
        waitUntil(() -> dialogPane() != null);
        fx(() -> {
            javafx.scene.control.DialogPane pane = dialogPane();
            ((javafx.scene.control.TextField) pane.lookup("#spaceField")).setText(spaceFile.toString());
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<Method> m = (javafx.scene.control.ChoiceBox<Method>) pane.lookup("#methodChoice");
            m.setValue(Method.GRID);
            ((javafx.scene.control.TextField) pane.lookup("#gridValuesField")).setText("4");
            pane.getScene().getWindow().sizeToScene();
        });
        Thread.sleep(500);
        fx(() -> {
            javafx.scene.control.DialogPane pane = dialogPane();
            try {
                Snapshots.writePng(pane, 1, out.resolve("new-search-grid.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ((javafx.stage.Stage) pane.getScene().getWindow()).close();
        });
        System.out.println("wrote " + out.resolve("new-search-grid.png"));

        Settings settings = new Settings(8, 2, EarlyStopping.none(), 7);
        SearchSpace space = SearchSpace.read(spaceFile);
        Search search = Search.create(runs.resolve("searches").resolve("spiral-grid"), space, Method.RANDOM, 16, 0,
                settings);
        search.addRound(space, Method.GRID, 0, 4, "grid for comparison");
        Stage[] stage = new Stage[1];
        fx(() -> stage[0] = SearchWindow.show(new babysitter.ui.app.AppContext(runs), null, main[0], search, 2, true));
        SearchViewModel vm = (SearchViewModel) stage[0].getProperties().get(SearchViewModel.class);
        waitUntil(() -> !vm.progress().runningProperty().get() && vm.trials().rows().size() == 32
                && vm.trials().rows().stream().allMatch(r -> r.state().finished()));
        fx(() -> vm.nextRound().nextMethodProperty().set(Method.GRID)); // the tool bar offers a grid next round too
        Thread.sleep(800);
        fx(() -> {
            try {
                Snapshots.writePng(stage[0].getScene().getRoot(), 1, out.resolve("search-grid.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.println("wrote " + out.resolve("search-grid.png"));
        Platform.exit();
        System.exit(0);
    }

    private static javafx.scene.control.DialogPane dialogPane() {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane p
                    && "newSearchDialog".equals(p.getId())) {
                return p;
            }
        }
        return null;
    }

    private static void fx(Runnable r) throws Exception {
        babysitter.ui.FxScript.fx(r);
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        babysitter.ui.FxScript.waitUntil(condition, 300, 200, "the scripted search");
    }
}
