/**
 * The decision regions of a 2-D data set: a heat map of the most probable class per grid cell,
 * its opacity the class's probability, with the training points on top, updated at each epoch end.
 */
package babysitter.ui.regions;
