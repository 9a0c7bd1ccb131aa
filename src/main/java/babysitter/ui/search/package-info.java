/**
 * The Search window: a table of trials with their dev-accuracy sparklines, every trial's dev curve
 * overlaid, one scatter of dev accuracy per hyperparameter on its own scale, brushing to define the
 * next round, and "Babysit this one" to continue a trial by hand in the main window.
 */
package babysitter.ui.search;
