/**
 * The "Classes" window: the dev set's confusion matrix per epoch, with an epoch slider, and
 * per-class accuracy. {@link babysitter.ui.classes.ClassesViewModel} keeps the confusion reports
 * of the current branch; the view draws the selected one.
 */
package babysitter.ui.classes;
