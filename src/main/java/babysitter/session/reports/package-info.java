/**
 * What a session tells its listeners: one sealed set of report records (steps, epochs, events,
 * state, checkpoints, the range test, siblings, and the insight reports), the same for a live run
 * and for a recorded one read back from disk.
 */
package babysitter.session.reports;
