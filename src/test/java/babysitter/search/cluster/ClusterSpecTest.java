package babysitter.search.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSpecTest {
    @Test
    void withoutBindAMemberListensOnLoopbackOnly() {
        ClusterSpec s = ClusterSpec.of("lab", List.of("127.0.0.1:5701"), null, null);
        assertThat(s.bindHost()).isEqualTo("127.0.0.1");
        assertThat(s.bindPort()).isZero();
        ClusterSpec p = ClusterSpec.of("lab", List.of("localhost"), "127.0.0.1:6000", null);
        assertThat(p.bindPort()).isEqualTo(6000);
    }

    @Test
    void aReachableMemberNeedsTheSecret() {
        assertThatThrownBy(() -> ClusterSpec.of("lab", List.of("10.0.0.5"), "10.0.0.7", null))
                .hasMessageContaining("--bind 10.0.0.7 is not a loopback address")
                .hasMessageContaining("--secret-file");
        ClusterSecret secret = ClusterSecret.of("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
        assertThat(ClusterSpec.of("lab", List.of("10.0.0.5"), "10.0.0.7", secret).bindHost()).isEqualTo("10.0.0.7");
    }

    @Test
    void badNamesAndAddressesAreNamed() {
        assertThatThrownBy(() -> ClusterSpec.of("my lab", List.of("h"), null, null)).hasMessageContaining("--cluster 'my lab'");
        assertThatThrownBy(() -> ClusterSpec.of("lab", List.of("h:99999"), null, null))
                .hasMessage("'h:99999': port '99999' is not between 1 and 65535");
        assertThatThrownBy(() -> ClusterSpec.of("lab", List.of(), null, null)).hasMessageContaining("--members");
    }

    @Test
    void aMemberOfAnotherVersionIsNamedWithItsVersion() {
        assertThat(Members.refusal("0.2.0", Map.of("10.0.0.5:5701", "0.2.0"))).isNull();
        assertThat(Members.refusal("0.2.0", Map.of("10.0.0.5:5701", "0.3.0")).english())
                .isEqualTo("this member runs Babysitter 0.2.0 but 10.0.0.5:5701 runs Babysitter 0.3.0:"
                        + " every member of a cluster must run the same version");
    }
}
