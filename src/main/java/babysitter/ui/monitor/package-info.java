/** The monitor: cost per step, cost and accuracy per epoch, with markers for every change and faded abandoned branches. */
package babysitter.ui.monitor;
