/**
 * The trainer: one mini-batch at a time, hyperparameter changes at step boundaries, metrics,
 * events and checkpoints recorded in the run folder; the checkpoint ring and its lineage of
 * branches, rewinds, replay of a recorded run, and starting or reading run folders.
 */
package babysitter.session.training;
