package babysitter.ui.surface;

import babysitter.engine.Hyperparameters;
import babysitter.engine.optim.OptimizerKind;
import babysitter.i18n.Texts;
import babysitter.ui.fx.ResizableCanvasPane;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The race drawn on a contour/heat map of the surface: one coloured path per optimiser, its
 * current point as a dot, the start as a ring. Sliders for α (log scale) and β, Start/Pause, Step
 * and Reset below; a click on the map moves the start. The animation timer runs only while the
 * view-model is running.
 */
public final class SurfaceView extends BorderPane {
    static final Map<OptimizerKind, Color> COLOURS = new EnumMap<>(Map.of(
            OptimizerKind.SGD, Color.web("#ff5a5f"),
            OptimizerKind.MOMENTUM, Color.web("#ffc53d"),
            OptimizerKind.RMSPROP, Color.web("#d291ff"),
            OptimizerKind.ADAM, Color.web("#5ce1ff")));
    private static final int CONTOUR_LEVELS = 18;
    private static final Color[] PALETTE = {
        Color.web("#1b2f45"), Color.web("#2d5d73"), Color.web("#4f8f8b"), Color.web("#9cc49a"), Color.web("#e9ecc4"),
        Color.web("#fbf8ee")};

    private final SurfaceViewModel vm;
    private final Surface surface;
    private final Canvas canvas = new Canvas();
    private WritableImage heat;
    private boolean animating;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            vm.tick();
        }
    };

    public SurfaceView(SurfaceViewModel vm) {
        this.vm = vm;
        this.surface = vm.race().surface();
        getStyleClass().add("surface-view");

        canvas.setId("surfaceMap");
        ResizableCanvasPane mapPane = new ResizableCanvasPane(canvas) {
            @Override
            protected void resized(double w, double h) {
                heat = null;
                redraw();
            }
        };
        mapPane.setMinSize(200, 120);
        mapPane.setPrefSize(860, 460);
        canvas.setOnMouseClicked(e -> vm.setStart(toX(e.getX()), toY(e.getY())));
        vm.revisionProperty().addListener((o, a, b) -> redraw());

        setTop(legend());
        setCenter(mapPane);
        setBottom(controls());
        BorderPane.setMargin(mapPane, new Insets(0, 10, 0, 10));

        vm.runningProperty().addListener((o, was, running) -> animate(running));
        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                vm.pause();
            }
        });
        animate(vm.runningProperty().get());
    }

    private void animate(boolean on) {
        if (on && !animating) {
            timer.start();
        } else if (!on && animating) {
            timer.stop();
        }
        animating = on;
    }

    SurfaceViewModel viewModel() {
        return vm;
    }

    /** Whether the animation timer is started (for tests: an idle window does not animate). */
    boolean animating() {
        return animating;
    }

    private FlowPane legend() {
        FlowPane box = new FlowPane(22, 4);
        box.setId("legend");
        box.setPadding(new Insets(8, 10, 6, 10));
        box.setAlignment(Pos.CENTER_LEFT);
        for (OptimizerKind k : PathRace.KINDS) {
            Line swatch = new Line(0, 0, 22, 0);
            swatch.setStroke(COLOURS.get(k).darker());
            swatch.setStrokeWidth(4);
            Label l = new Label();
            l.setId("status-" + k.name().toLowerCase(Locale.ROOT));
            l.textProperty().bind(vm.statusProperty(k));
            l.setGraphic(swatch);
            l.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().add(l);
        }
        return box;
    }

    private HBox controls() {
        Button startPause = new Button();
        startPause.setId("startPause");
        startPause.textProperty().bind(Bindings.when(vm.runningProperty()).then(Texts.get("surface.pause"))
                .otherwise(Texts.get("surface.start")));
        startPause.disableProperty().bind(vm.finishedProperty());
        startPause.setOnAction(e -> vm.toggleRunning());
        startPause.setPrefWidth(70);
        startPause.setDefaultButton(true);
        Button step = new Button(Texts.get("surface.step"));
        step.setId("step");
        step.disableProperty().bind(vm.finishedProperty());
        step.setOnAction(e -> vm.step());
        Button reset = new Button(Texts.get("surface.reset"));
        reset.setId("reset");
        reset.setOnAction(e -> vm.reset());

        Slider alpha = new Slider(SurfaceViewModel.LOG_ALPHA_MIN, SurfaceViewModel.LOG_ALPHA_MAX, vm.logAlphaProperty().get());
        alpha.setId("alpha");
        alpha.valueProperty().bindBidirectional(vm.logAlphaProperty());
        alpha.setPrefWidth(170);
        Label alphaLabel = new Label();
        alphaLabel.textProperty().bind(vm.alphaTextProperty());
        alphaLabel.setMinWidth(95);
        Slider beta = new Slider(0, SurfaceViewModel.BETA_MAX, vm.betaProperty().get());
        beta.setId("beta");
        beta.valueProperty().bindBidirectional(vm.betaProperty());
        beta.setPrefWidth(130);
        // all four race at once, so β here is the Momentum path's; Adam and RMSprop keep their defaults
        beta.setTooltip(new Tooltip(Texts.get("surface.betaTip",
                String.valueOf(Hyperparameters.DEFAULTS.beta1()), String.valueOf(Hyperparameters.DEFAULTS.beta2()))));
        Label betaLabel = new Label();
        betaLabel.textProperty().bind(vm.betaTextProperty());
        betaLabel.setMinWidth(60);
        Label steps = new Label();
        steps.setId("steps");
        steps.textProperty().bind(Bindings.createStringBinding(() -> Texts.get("surface.steps", vm.stepsProperty().get()),
                vm.stepsProperty()));
        steps.setMinWidth(70);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label hint = new Label(Texts.get("surface.hint"));
        hint.setStyle("-fx-text-fill: -fx-mid-text-color, #666;");

        HBox box = new HBox(10, startPause, step, reset, steps, alphaLabel, alpha, betaLabel, beta, gap, hint);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(8, 10, 10, 10));
        return box;
    }

    // ---- coordinates

    private double toX(double sx) {
        return surface.xMin() + sx / canvas.getWidth() * (surface.xMax() - surface.xMin());
    }

    private double toY(double sy) {
        return surface.yMax() - sy / canvas.getHeight() * (surface.yMax() - surface.yMin());
    }

    private double sx(double x) {
        return (x - surface.xMin()) / (surface.xMax() - surface.xMin()) * canvas.getWidth();
    }

    private double sy(double y) {
        return (surface.yMax() - y) / (surface.yMax() - surface.yMin()) * canvas.getHeight();
    }

    // ---- drawing

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 1 || h < 1) {
            return;
        }
        if (heat == null) {
            heat = heatMap((int) w, (int) h);
        }
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.drawImage(heat, 0, 0);
        landmarks(gc);
        PathRace race = vm.race();
        gc.setLineJoin(StrokeLineJoin.ROUND);
        for (OptimizerKind k : PathRace.KINDS) {
            int n = race.pointCount(k);
            if (n < 2) {
                continue;
            }
            gc.beginPath();
            gc.moveTo(sx(race.x(k, 0)), sy(race.y(k, 0)));
            for (int i = 1; i < n; i++) {
                gc.lineTo(sx(race.x(k, i)), sy(race.y(k, i)));
            }
            gc.setStroke(Color.rgb(0, 0, 0, 0.55));
            gc.setLineWidth(4.5);
            gc.stroke();
            gc.setStroke(COLOURS.get(k));
            gc.setLineWidth(2);
            gc.stroke();
        }
        // the start, then the current points
        double x0 = sx(race.startX());
        double y0 = sy(race.startY());
        gc.setStroke(Color.WHITE);
        gc.setLineWidth(2);
        gc.strokeOval(x0 - 7, y0 - 7, 14, 14);
        gc.setStroke(Color.BLACK);
        gc.setLineWidth(1);
        gc.strokeOval(x0 - 8.5, y0 - 8.5, 17, 17);
        for (OptimizerKind k : PathRace.KINDS) {
            double x = sx(race.currentX(k));
            double y = sy(race.currentY(k));
            gc.setFill(COLOURS.get(k));
            gc.fillOval(x - 5, y - 5, 10, 10);
            gc.setStroke(Color.BLACK);
            gc.setLineWidth(1.2);
            gc.strokeOval(x - 5, y - 5, 10, 10);
        }
    }

    private void landmarks(GraphicsContext gc) {
        if (!(surface instanceof SaddlePlateauRavine s)) {
            return;
        }
        gc.setFont(Font.font("System", FontWeight.BOLD, 13));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        double[] saddle = s.saddlePoint();
        double labelY = sy(s.yMin() + 0.08 * (s.yMax() - s.yMin()));
        tag(gc, Texts.get("surface.saddle"), sx(saddle[0]), labelY);
        tag(gc, Texts.get("surface.plateau"), sx((1.5 + s.cliff()) / 2), labelY);
        tag(gc, Texts.get("surface.ravine"), sx(s.minimumX()), labelY);
        gc.setFill(Color.rgb(255, 255, 255, 0.85));
        gc.fillOval(sx(saddle[0]) - 3, sy(saddle[1]) - 3, 6, 6);
        gc.setStroke(Color.rgb(255, 255, 255, 0.85));
        gc.setLineWidth(1.5);
        double mx = sx(s.minimumX());
        double my = sy(0);
        gc.strokeLine(mx - 5, my - 5, mx + 5, my + 5);
        gc.strokeLine(mx - 5, my + 5, mx + 5, my - 5);
    }

    private static void tag(GraphicsContext gc, String text, double x, double y) {
        double w = text.length() * 7.5 + 14;
        gc.setFill(Color.rgb(20, 30, 40, 0.55));
        gc.fillRoundRect(x - w / 2, y - 10, w, 20, 10, 10);
        gc.setFill(Color.WHITE);
        gc.fillText(text, x, y);
    }

    /** f on every pixel, coloured on a log scale above the minimum, with darkened contour lines. */
    private WritableImage heatMap(int w, int h) {
        double[] t = new double[w * h];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < h; j++) {
            double y = toY(j + 0.5);
            for (int i = 0; i < w; i++) {
                double f = surface.value(toX(i + 0.5), y);
                t[j * w + i] = f;
                lo = Math.min(lo, f);
                hi = Math.max(hi, f);
            }
        }
        double span = Math.log1p((hi - lo) * 4);
        for (int k = 0; k < t.length; k++) {
            t[k] = span > 0 ? Math.log1p((t[k] - lo) * 4) / span : 0;
        }
        WritableImage img = new WritableImage(w, h);
        PixelWriter pw = img.getPixelWriter();
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                double v = t[j * w + i];
                int level = (int) (v * CONTOUR_LEVELS);
                boolean contour = (i + 1 < w && (int) (t[j * w + i + 1] * CONTOUR_LEVELS) != level)
                        || (j + 1 < h && (int) (t[(j + 1) * w + i] * CONTOUR_LEVELS) != level);
                Color c = palette(v);
                if (contour) {
                    c = c.interpolate(Color.BLACK, 0.28);
                }
                pw.setColor(i, j, c);
            }
        }
        return img;
    }

    private static Color palette(double v) {
        double x = Math.max(0, Math.min(1, v)) * (PALETTE.length - 1);
        int i = Math.min((int) x, PALETTE.length - 2);
        return PALETTE[i].interpolate(PALETTE[i + 1], x - i);
    }
}
