package babysitter.ui.network;

import babysitter.ui.fx.ResizableCanvasPane;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A canvas that fills its region, repaints only when it is resized or asked to, and draws a title
 * centred at the top on white before the subclass's content.
 */
abstract class TitledCanvas extends ResizableCanvasPane {
    protected final Canvas canvas = canvas();

    /** The title drawn at the top. */
    abstract String title();

    /** Draws the content on {@code g} (already cleared, title drawn) for a canvas of w × h. */
    protected abstract void paintContent(GraphicsContext g, double w, double h);

    @Override
    protected void resized(double w, double h) {
        paint();
    }

    protected final void paint() {
        GraphicsContext g = blankPicture();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.BLACK);
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title(), w / 2, 2);
        paintContent(g, w, h);
    }
}
