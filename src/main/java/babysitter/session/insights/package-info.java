/**
 * Views into a network computed after an epoch: the confusion matrix, sample predictions, the
 * decision regions of a 2-D problem, and hints from the layers' statistics; recorded in the run
 * and read back.
 */
package babysitter.session.insights;
