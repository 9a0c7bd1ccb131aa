package babysitter.engine.optim;

/** The update rules of the course notes, §7. */
public enum OptimizerKind {
    SGD,
    MOMENTUM,
    RMSPROP,
    ADAM
}
