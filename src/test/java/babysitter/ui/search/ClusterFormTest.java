package babysitter.ui.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.search.cluster.ClusterProbe;
import babysitter.search.cluster.ClusterSpec;
import babysitter.search.cluster.VersionRefusal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New search's "Run on" fields without a toolkit: their rules, the look-up, and what is remembered. */
class ClusterFormTest {
    @TempDir
    Path tmp;

    private final List<Runnable> background = new ArrayList<>();
    private final AtomicReference<ClusterSpec> probed = new AtomicReference<>();

    private ClusterForm form(ClusterProbe.Found answer) {
        return new ClusterForm(tmp.resolve("home/cluster.properties"), background::add, Runnable::run, spec -> {
            probed.set(spec);
            return answer;
        });
    }

    @Test
    void onThisComputerNothingIsAskedAndOnAClusterEveryFieldHasItsRule() throws Exception {
        ClusterForm f = form(null);
        assertThat(f.onClusterProperty().get()).isFalse();
        assertThat(f.errorProperty().get()).isEmpty();
        assertThat(f.choice()).isEmpty();

        f.onClusterProperty().set(true);
        assertThat(f.errorProperty().get()).contains("Members").contains("at least one member");
        f.membersProperty().set("127.0.0.1:5701, 127.0.0.1:99999");
        assertThat(f.errorProperty().get()).contains("'127.0.0.1:99999'").contains("between 1 and 65535");
        f.membersProperty().set("127.0.0.1:5701, 127.0.0.1:5702");
        assertThat(f.errorProperty().get()).isEmpty();
        f.nameProperty().set("my lab");
        assertThat(f.errorProperty().get()).contains("Cluster 'my lab'").contains("letters, digits");
        f.nameProperty().set("lab");
        f.slotsProperty().set("-1");
        assertThat(f.errorProperty().get()).contains("'-1'").contains("0 (only coordinate)");
        f.slotsProperty().set("0");
        f.bindProperty().set("10.0.0.5");
        assertThat(f.errorProperty().get()).contains("10.0.0.5").contains("secret file");
        f.secretFileProperty().set(tmp.resolve("lab.secret").toString());
        assertThat(f.errorProperty().get()).isEmpty();

        // the secret is read when the search starts: a missing file is named
        assertThatThrownBy(f::choice).isInstanceOf(ClusterForm.InvalidChoice.class).hasMessageContaining("lab.secret");
        assertThat(f.problemProperty().get()).contains("lab.secret").contains("no such secret file");
        Files.writeString(tmp.resolve("lab.secret"), "too short\n");
        assertThatThrownBy(f::choice).isInstanceOf(ClusterForm.InvalidChoice.class);
        assertThat(f.problemProperty().get()).isEqualTo(tmp.resolve("lab.secret")
                + ": a cluster secret needs at least 16 bytes, got 9");
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.KOREA);
            assertThatThrownBy(f::choice).isInstanceOf(ClusterForm.InvalidChoice.class);
            assertThat(f.problemProperty().get()).isEqualTo(tmp.resolve("lab.secret")
                    + ": 클러스터 비밀은 적어도 16바이트여야 하는데 9바이트입니다");
        } finally {
            java.util.Locale.setDefault(before);
        }
        Files.writeString(tmp.resolve("lab.secret"), "a secret of more than sixteen bytes\n");
        ClusterForm.Choice c = f.choice().orElseThrow();
        assertThat(f.problemProperty().get()).isEmpty();
        assertThat(c.spec().name()).isEqualTo("lab");
        assertThat(c.spec().members()).containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
        assertThat(c.spec().bindHost()).isEqualTo("10.0.0.5");
        assertThat(c.spec().secret()).isNotNull();
        assertThat(c.slots()).isZero();
    }

    @Test
    void aLookUpCountsTheMembersAndSlotsInTheChoicesText() {
        ClusterForm f = form(new ClusterProbe.Found(2, 3, null));
        f.onClusterProperty().set(true);
        f.membersProperty().set("127.0.0.1:5701");
        assertThat(f.clusterTextProperty().get()).isEqualTo("cluster lab");
        f.lookUp();
        assertThat(f.clusterTextProperty().get()).isEqualTo("cluster lab (looking …)");
        assertThat(background).hasSize(1);
        background.get(0).run();
        assertThat(probed.get().members()).containsExactly("127.0.0.1:5701");
        assertThat(f.clusterTextProperty().get()).isEqualTo("cluster lab (2 members, 3 slots)");
        f.membersProperty().set("127.0.0.1:5702");
        assertThat(f.clusterTextProperty().get()).as("what was found is about other members").isEqualTo("cluster lab");
    }

    @Test
    void onlyTheLatestLookUpIsShownAndNobodyOrAnotherVersionIsSaid() {
        // the answers in the order the look-ups reach the cluster: the second look-up's first
        List<ClusterProbe.Found> answers = new ArrayList<>(List.of(new ClusterProbe.Found(0, 0, null),
                new ClusterProbe.Found(5, 5, null)));
        ClusterForm f = new ClusterForm(tmp.resolve("m"), background::add, Runnable::run, spec -> answers.remove(0));
        f.membersProperty().set("127.0.0.1:5701");
        f.lookUp();
        f.lookUp();
        background.get(1).run();
        assertThat(f.clusterTextProperty().get()).isEqualTo("cluster lab (nobody answered at 127.0.0.1:5701)");
        background.get(0).run();
        assertThat(f.clusterTextProperty().get()).as("an older look-up answers late").contains("nobody answered");

        ClusterForm g = form(new ClusterProbe.Found(1, 1, new VersionRefusal("2", Map.of("127.0.0.1:5701", "1"))));
        g.membersProperty().set("127.0.0.1:5701");
        g.lookUp();
        background.get(2).run();
        assertThat(g.clusterTextProperty().get()).contains("Babysitter 2").contains("Babysitter 1");

        ClusterForm h = form(null);
        h.lookUp();
        assertThat(h.clusterTextProperty().get()).contains("cannot look").contains("Members");
        assertThat(background).hasSize(3);
    }

    @Test
    void theFieldsAreRememberedForTheNextNewSearchButNeverTheSecret() throws Exception {
        Path secret = Files.writeString(tmp.resolve("lab.secret"), "the secret itself, never copied\n");
        ClusterForm f = form(null);
        f.onClusterProperty().set(true);
        f.nameProperty().set("lab2");
        f.membersProperty().set("10.0.0.7,10.0.0.8:5703");
        f.secretFileProperty().set(secret.toString());
        f.bindProperty().set("10.0.0.5");
        f.slotsProperty().set("0");
        f.remember();
        assertThat(Files.readString(tmp.resolve("home/cluster.properties"))).doesNotContain("never copied");

        ClusterForm again = form(null);
        assertThat(again.onClusterProperty().get()).isTrue();
        assertThat(again.nameProperty().get()).isEqualTo("lab2");
        assertThat(again.membersProperty().get()).isEqualTo("10.0.0.7,10.0.0.8:5703");
        assertThat(again.secretFileProperty().get()).isEqualTo(secret.toString());
        assertThat(again.bindProperty().get()).isEqualTo("10.0.0.5");
        assertThat(again.slotsProperty().get()).isEqualTo("0");
        assertThat(again.errorProperty().get()).isEmpty();
    }
}
