package babysitter.search.cluster;

import babysitter.store.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What crosses the wire between members: one of our own records as bytes, never a Java object.
 * Layout: a 4-byte length, a JSON header (kind, attempt token, trial, fields, the files' names and
 * lengths), the files' bytes, and an HMAC-SHA256 of all that under the cluster secret. A message
 * whose signature does not check out is refused before its JSON is read.
 *
 * @param kind    what it says
 * @param token   the attempt it belongs to (a random id per dispatch of a trial)
 * @param trialId the trial
 * @param fields  the kind's own fields
 * @param files   bytes of run-folder files (worker to coordinator), possibly none
 */
record Message(Kind kind, String token, int trialId, ObjectNode fields, List<FileChunk> files) {

    /** The kinds of message. */
    enum Kind {
        /** coordinator → workers (task queue): train this trial */
        TASK,
        /** worker → coordinator: the attempt began, with run.json */
        STARTED,
        /** worker → coordinator: an epoch ended (its point, checkpoint and new file bytes); a REPLY follows */
        EPOCH,
        /** coordinator → worker (the attempt's reply queue): go on or stop after an epoch */
        REPLY,
        /** worker → coordinator: trained to the end or stopped, with the last file bytes */
        FINISHED,
        /** worker → coordinator: could not train (diverged, bad configuration, error) */
        FAILED,
        /** worker → coordinator: handed back unfinished (the worker is shutting down) */
        RETURNED,
        /** coordinator → workers (topic): stop this attempt at the next step */
        CANCEL
    }

    /** Refused: a bad signature or a message this program did not write. */
    static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    Message {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(token, "token");
        fields = fields == null ? Json.object() : fields;
        files = List.copyOf(files);
    }

    Message(Kind kind, String token, int trialId, ObjectNode fields) {
        this(kind, token, trialId, fields, List.of());
    }

    /** The signed bytes. */
    byte[] encode(ClusterSecret secret) {
        ObjectNode head = Json.object();
        head.put("kind", kind.name());
        head.put("token", token);
        head.put("trial", trialId);
        head.set("fields", fields);
        ArrayNode fs = head.putArray("files");
        for (FileChunk f : files) {
            ObjectNode o = fs.addObject();
            o.put("path", f.path());
            o.put("offset", f.offset());
            o.put("whole", f.whole());
            o.put("length", f.bytes().length);
        }
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(head);
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 64);
            out.write(ByteBuffer.allocate(4).putInt(json.length).array());
            out.write(json);
            for (FileChunk f : files) {
                out.write(f.bytes());
            }
            byte[] body = out.toByteArray();
            byte[] signed = Arrays.copyOf(body, body.length + ClusterSecret.SIGNATURE_BYTES);
            System.arraycopy(secret.sign(body, body.length), 0, signed, body.length, ClusterSecret.SIGNATURE_BYTES);
            return signed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the signature, then reads the message. */
    static Message decode(byte[] bytes, ClusterSecret secret) throws RefusedException {
        int body = bytes.length - ClusterSecret.SIGNATURE_BYTES;
        if (body < 4) {
            throw new RefusedException("a message of " + bytes.length + " bytes is too short to be one of ours");
        }
        if (!secret.verify(bytes, body, Arrays.copyOfRange(bytes, body, bytes.length))) {
            throw new RefusedException("a message with a wrong signature (another cluster secret?)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, body);
        int headLength = in.getInt();
        if (headLength < 2 || headLength > body - 4) {
            throw new RefusedException("a signed message with a header of " + headLength + " bytes in " + body);
        }
        try {
            JsonNode head = Json.MAPPER.readTree(bytes, 4, headLength);
            Kind kind = Kind.valueOf(head.path("kind").asText());
            int at = 4 + headLength;
            List<FileChunk> files = new ArrayList<>();
            for (JsonNode f : head.path("files")) {
                int length = f.path("length").asInt(-1);
                if (length < 0 || at + length > body) {
                    throw new RefusedException("file " + f.path("path").asText() + " runs past the message's end");
                }
                files.add(new FileChunk(f.path("path").asText(), f.path("offset").asLong(), f.path("whole").asBoolean(),
                        Arrays.copyOfRange(bytes, at, at + length)));
                at += length;
            }
            JsonNode fields = head.path("fields");
            return new Message(kind, head.path("token").asText(), head.path("trial").asInt(),
                    fields.isObject() ? (ObjectNode) fields : Json.object(), files);
        } catch (IOException | IllegalArgumentException e) {
            throw new RefusedException("a signed message that cannot be read: " + e.getMessage());
        }
    }
}
