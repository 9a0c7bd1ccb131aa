package babysitter.search.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret every member of a cluster shares: it signs every message (HMAC-SHA256) and decides the
 * name under which Hazelcast lets members join, so a member with another secret is never admitted.
 * Without a secret file (loopback only) a fixed key stands in: messages are still checked for
 * damage, but anyone on the machine could sign them.
 */
public final class ClusterSecret {
    /** The fewest bytes a secret file must hold. */
    public static final int MIN_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";
    /** Length of a signature. */
    static final int SIGNATURE_BYTES = 32;

    private final byte[] key;

    private ClusterSecret(byte[] key) {
        this.key = key.clone();
    }

    /** The key of a cluster without a secret file (loopback only). */
    public static ClusterSecret none() {
        return new ClusterSecret("babysitter: no cluster secret".getBytes(StandardCharsets.UTF_8));
    }

    /** A secret from bytes (trailing white space of a text file is not part of it). */
    public static ClusterSecret of(byte[] bytes) {
        int n = bytes.length;
        while (n > 0 && Character.isWhitespace(bytes[n - 1])) {
            n--;
        }
        if (n < MIN_BYTES) {
            throw new IllegalArgumentException("a cluster secret needs at least " + MIN_BYTES + " bytes, got " + n);
        }
        return new ClusterSecret(Arrays.copyOf(bytes, n));
    }

    /** Reads a secret file; the message of a missing, short or unreadable file names it and the rule. */
    public static ClusterSecret read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such secret file (make one, e.g. 'head -c 32 /dev/urandom"
                    + " | base64 > " + file.getFileName() + "', and copy it to every member)");
        }
        try {
            return of(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** HMAC-SHA256 of {@code data[0..length)} under this secret. */
    byte[] sign(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java", e);
        }
    }

    /** Whether {@code signature} is this secret's signature of {@code data[0..length)} (constant time). */
    boolean verify(byte[] data, int length, byte[] signature) {
        return MessageDigest.isEqual(sign(data, length), signature);
    }

    /**
     * The name under which Hazelcast members of cluster {@code name} join: it carries a digest of
     * the secret, so members that do not share it never form one cluster.
     */
    String hazelcastName(String name) {
        byte[] label = ("cluster " + name).getBytes(StandardCharsets.UTF_8);
        byte[] tag = sign(label, label.length);
        return "babysitter-" + name + "-" + HexFormat.of().formatHex(tag, 0, 8);
    }
}
