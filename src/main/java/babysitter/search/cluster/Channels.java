package babysitter.search.cluster;

/** The names of the distributed objects members share; one place so both ends agree. */
final class Channels {
    /** The queue of signed trial tasks every worker pulls from. */
    static final String TASKS = "babysitter.tasks";
    /** Which member took which attempt (token → member id), first come first served, written just after the take. */
    static final String CLAIMS = "babysitter.claims";
    /** Cancels of running attempts (signed CANCEL messages). */
    static final String CANCELS = "babysitter.cancels";

    private Channels() {
    }

    /** The queue on which a coordinator receives its workers' reports. */
    static String results(String coordinatorId) {
        return "babysitter.results." + coordinatorId;
    }

    /** The queue on which a worker waits for the coordinator's answer after each epoch of one attempt. */
    static String replies(String token) {
        return "babysitter.replies." + token;
    }
}
