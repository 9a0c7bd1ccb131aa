/** The live controls: α and β on log scales, optimiser and the other hyperparameters, and the automatic rules. */
package babysitter.ui.controls;
