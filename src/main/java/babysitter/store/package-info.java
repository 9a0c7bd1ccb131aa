/**
 * A training run kept on disk so that nothing is lost when the program is killed: the run's
 * configuration in {@code run.json}, step and epoch metrics, lifecycle events and the epochs'
 * insight reports (whose payloads the session defines) as append-only JSON lines, and checkpoints
 * as folders of NumPy files that appear atomically. {@link babysitter.store.RunWriter}
 * writes a run, {@link babysitter.store.RunReader} reads back everything that was completely written
 * and reports the rest as warnings instead of failing.
 */
package babysitter.store;
