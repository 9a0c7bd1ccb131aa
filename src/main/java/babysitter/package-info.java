/**
 * Babysitter: watch one neural-network training run live, steer its hyperparameters while it
 * trains, and go back to an earlier checkpoint when a change goes wrong. {@link babysitter.Main}
 * is the launcher.
 */
package babysitter;
