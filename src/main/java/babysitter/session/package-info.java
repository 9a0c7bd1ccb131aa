/**
 * A training run: its configuration, and the trainer that takes one mini-batch at a time,
 * applies hyperparameter changes at step boundaries and records metrics, events and checkpoints
 * in the run store. The live session on its own thread builds on it; the command line uses it
 * directly.
 */
package babysitter.session;
