/**
 * The numerical engine: a feed-forward classifier with optional batch normalisation, softmax and
 * cross-entropy, whose forward and backward passes are written by hand on ND4J arrays so that every
 * quantity of the course notes (z, μ, σ², z_norm, z̃, a, dW, dγ, dβ) can be read after a step.
 * It depends on ND4J only; parameters are saved as NumPy {@code .npy} files.
 */
package babysitter.engine;
