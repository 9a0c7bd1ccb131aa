/**
 * A training run and the live session around it, in five layers, each knowing only those before it
 * (ArchitectureTest checks): {@code configuration} (what a run is), {@code training} (the trainer
 * that takes one mini-batch at a time, its checkpoints, run folders, replay), {@code reports} (what
 * a session tells its listeners), {@code insights} (confusion, samples, decision regions, hints)
 * and {@code live} (the session core on its own thread: commands in, the automatic rules as
 * listeners, reports out). The command line uses {@code training} directly.
 */
package babysitter.session;
