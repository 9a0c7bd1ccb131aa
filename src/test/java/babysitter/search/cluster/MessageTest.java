package babysitter.search.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.store.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTest {
    private static final ClusterSecret SECRET = ClusterSecret.of("a secret of the lab, 32 bytes ok".getBytes(StandardCharsets.UTF_8));

    @Test
    void aMessageComesBackAsItWasSent() throws Exception {
        Message m = new Message(Message.Kind.EPOCH, "tok-1", 7, Json.object().put("epoch", 3),
                List.of(new FileChunk("metrics.jsonl", 120, false, new byte[] {1, 2, 3}),
                        new FileChunk("checkpoints/epoch-0003/W1.npy", 0, true, new byte[] {9})));
        Message back = Message.decode(m.encode(SECRET), SECRET);
        assertThat(back.kind()).isEqualTo(Message.Kind.EPOCH);
        assertThat(back.token()).isEqualTo("tok-1");
        assertThat(back.trialId()).isEqualTo(7);
        assertThat(back.fields().path("epoch").asInt()).isEqualTo(3);
        assertThat(back.files()).hasSize(2);
        assertThat(back.files().get(0).bytes()).containsExactly(1, 2, 3);
        assertThat(back.files().get(0).offset()).isEqualTo(120);
        assertThat(back.files().get(1).whole()).isTrue();
        assertThat(back.files().get(1).path()).isEqualTo("checkpoints/epoch-0003/W1.npy");
    }

    @Test
    void aChangedByteOrAnotherSecretIsRefused() {
        byte[] bytes = new Message(Message.Kind.TASK, "tok", 1, Json.object().put("epochs", 2)).encode(SECRET);
        byte[] tampered = bytes.clone();
        tampered[10] ^= 1;
        assertThatThrownBy(() -> Message.decode(tampered, SECRET)).isInstanceOf(Message.RefusedException.class)
                .hasMessageContaining("wrong signature");
        ClusterSecret other = ClusterSecret.of("another secret of 32 bytes length".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Message.decode(bytes, other)).isInstanceOf(Message.RefusedException.class);
        assertThatThrownBy(() -> Message.decode(new byte[5], SECRET)).isInstanceOf(Message.RefusedException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void membersWithAnotherSecretJoinUnderAnotherName() {
        ClusterSecret other = ClusterSecret.of("another secret of 32 bytes length".getBytes(StandardCharsets.UTF_8));
        assertThat(SECRET.hazelcastName("lab")).startsWith("babysitter-lab-").isNotEqualTo(other.hazelcastName("lab"));
        assertThat(SECRET.hazelcastName("lab")).isEqualTo(ClusterSecret.of(
                "a secret of the lab, 32 bytes ok\n".getBytes(StandardCharsets.UTF_8)).hazelcastName("lab"));
    }

    @Test
    void aShortSecretIsRefusedWithTheRule() {
        assertThatThrownBy(() -> ClusterSecret.of("short\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("a cluster secret needs at least 16 bytes, got 5");
    }
}
