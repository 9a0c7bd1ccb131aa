/**
 * The live session on its own thread: commands in between mini-batches, the session core's state
 * machine, each automatic rule (divergence guard, reduce on plateau, early stop, pace, schedule,
 * range test, siblings) a separate listener, reports out through one channel per listener; and
 * the history of a recorded run turned into the same reports.
 */
package babysitter.session.live;
