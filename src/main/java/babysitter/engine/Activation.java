package babysitter.engine;

/** Activation functions g of the hidden layers. */
public enum Activation {
    RELU,
    /** max(0.01·x, x). */
    LEAKY_RELU,
    TANH,
    SIGMOID;

    /** Slope of the leaky ReLU for negative inputs. */
    public static final double LEAKY_SLOPE = 0.01;

    /** True for the ReLU family, which is initialised with He's scale; the others with Xavier's. */
    public boolean reluFamily() {
        return this == RELU || this == LEAKY_RELU;
    }
}
