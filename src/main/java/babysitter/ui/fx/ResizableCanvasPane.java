package babysitter.ui.fx;

import java.util.Objects;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A region whose canvas always has the region's size, in whole pixels: on each layout pass the
 * canvas is resized if the region's size changed, and then (only then) {@link #resized} is called
 * to repaint. The canvas is the region's first child; a subclass may add more.
 */
public abstract class ResizableCanvasPane extends Region {
    private final Canvas canvas;
    private int paints;

    /** Around a new canvas. */
    protected ResizableCanvasPane() {
        this(new Canvas());
    }

    /** Around {@code canvas}, which becomes the first child. */
    protected ResizableCanvasPane(Canvas canvas) {
        this.canvas = Objects.requireNonNull(canvas, "canvas");
        getChildren().add(canvas);
    }

    /** The canvas kept at the region's size. */
    protected final Canvas canvas() {
        return canvas;
    }

    /** Starts a new picture: the whole canvas white, counted in {@link #paints()}. */
    protected final GraphicsContext blankPicture() {
        paints++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        return g;
    }

    /** How many pictures were started (a test sees that a change repaints once, or not at all). */
    public int paints() {
        return paints;
    }

    /** The canvas size for a region size along x ({@code horizontal}) or y; by default rounded down. */
    protected double canvasSize(double regionSize, boolean horizontal) {
        return Math.floor(regionSize);
    }

    /** Called in the layout pass after the canvas was given the new size w × h: repaint here. */
    protected abstract void resized(double w, double h);

    @Override
    protected void layoutChildren() {
        double w = canvasSize(getWidth(), true);
        double h = canvasSize(getHeight(), false);
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            resized(w, h);
        }
    }
}
