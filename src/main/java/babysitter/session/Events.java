package babysitter.session;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Building the details of the events a session records. */
final class Events {
    private Events() {
    }

    /** An empty details object. */
    static ObjectNode details() {
        return ConfigFiles.MAPPER.createObjectNode();
    }
}
