/**
 * "Try siblings" in the window: the dialog that asks how many siblings, how many epochs and how
 * wide a window around α and β, and the panel that lists the siblings while they train, with
 * Adopt per row and Discard. Their curves are overlaid on the monitor's epoch charts.
 */
package babysitter.ui.siblings;
