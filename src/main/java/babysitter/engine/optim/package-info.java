/**
 * Optimisers (SGD, momentum, RMSprop, Adam) exactly as in the course notes, with their
 * per-parameter state. They read α, β, β1, β2 and ε from the immutable hyperparameters handed to
 * each step and never keep configuration of their own.
 */
package babysitter.engine.optim;
