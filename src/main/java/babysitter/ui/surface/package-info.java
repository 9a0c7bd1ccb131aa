/**
 * "Optimisers on a surface" (course notes §7–8): SGD, momentum, RMSprop and Adam race from one
 * start point across a 2-D function with a saddle, a plateau and a ravine. {@link
 * babysitter.ui.surface.Surface} and {@link babysitter.ui.surface.PathRace} are plain maths (no
 * JavaFX); the view-model and the canvas view sit on top.
 */
package babysitter.ui.surface;
