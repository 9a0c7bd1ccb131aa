package babysitter.ui.surface;

/** A smooth function of two variables, with its gradient. Toolkit-free. */
public interface Surface {

    double value(double x, double y);

    /** Writes (∂f/∂x, ∂f/∂y) at (x, y) into {@code out[0]} and {@code out[1]}. */
    void gradient(double x, double y, double[] out);

    /** The rectangle shown and in which start points may be chosen. */
    double xMin();

    double xMax();

    double yMin();

    double yMax();

    /** The surface of the course-notes demo: see {@link SaddlePlateauRavine}. */
    static SaddlePlateauRavine standard() {
        return SaddlePlateauRavine.STANDARD;
    }
}
