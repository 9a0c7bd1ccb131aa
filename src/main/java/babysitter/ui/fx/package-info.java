/**
 * The bridge from the training thread to the JavaFX thread: reports are queued as they come and
 * drained once per frame, so the training thread never waits for the window.
 */
package babysitter.ui.fx;
