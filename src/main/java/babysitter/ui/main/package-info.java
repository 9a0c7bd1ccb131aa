/** The main window: it puts setup, monitor and controls together around one live training session. */
package babysitter.ui.main;
