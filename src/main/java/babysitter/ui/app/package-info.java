/**
 * The application context: the one object the program builds at start and hands to every window —
 * the runs folder, the background executors, the file choosers and the open tool windows that must
 * be told when the program closes. No window reaches for these through static fields.
 */
package babysitter.ui.app;
