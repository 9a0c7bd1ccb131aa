/**
 * Search trials on the members of a Hazelcast cluster: the coordinator (the searching process)
 * puts signed trial tasks on a distributed queue, workers pull them when a slot is free, train in a
 * scratch folder and stream epochs and files home, where each trial's run folder is built as the
 * local pool builds it. Only this package uses Hazelcast.
 */
package babysitter.search.cluster;
