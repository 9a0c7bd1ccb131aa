package babysitter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster options' bad input: one line naming the option and the rule, exit status 2, nothing started. */
class WorkerCommandTest {
    @Test
    void aWorkerNeedsAClusterAndMembers() {
        SearchCommandTest.Outcome o = SearchCommandTest.run("worker");
        assertThat(o.code()).isEqualTo(Cli.USAGE);
        assertThat(o.err()).contains("name the cluster to join: --cluster NAME --members HOST[:PORT],...");
        o = SearchCommandTest.run("worker", "--cluster", "lab");
        assertThat(o.code()).isEqualTo(Cli.USAGE);
        assertThat(o.err()).contains("--cluster lab needs --members");
    }

    @Test
    void aReachableBindWithoutSecretIsRefused() {
        SearchCommandTest.Outcome o = SearchCommandTest.run("worker", "--cluster", "lab", "--members", "10.0.0.5",
                "--bind", "10.0.0.7");
        assertThat(o.code()).isEqualTo(Cli.USAGE);
        assertThat(o.err()).contains("--bind 10.0.0.7 is not a loopback address").doesNotContain("Exception");
    }

    @Test
    void aMissingOrShortSecretFileIsNamed(@TempDir Path tmp) throws Exception {
        SearchCommandTest.Outcome o = SearchCommandTest.run("worker", "--cluster", "lab", "--members", "127.0.0.1",
                "--secret-file", tmp.resolve("none.secret").toString());
        assertThat(o.code()).isEqualTo(Cli.USAGE);
        assertThat(o.err()).contains(tmp.resolve("none.secret") + ": no such secret file");
        Path shortOne = Files.writeString(tmp.resolve("short.secret"), "abc\n");
        o = SearchCommandTest.run("worker", "--cluster", "lab", "--members", "127.0.0.1", "--secret-file", shortOne.toString());
        assertThat(o.code()).isEqualTo(Cli.USAGE);
        assertThat(o.err()).contains(shortOne + ": a cluster secret needs at least 16 bytes, got 3");
    }

    @Test
    void clusterOptionsWithoutClusterAreRefusedBeforeASearchIsMade(@TempDir Path tmp) throws Exception {
        Path space = Files.writeString(tmp.resolve("space.json"), SearchCommandTest.SPACE);
        SearchCommandTest.Outcome o = SearchCommandTest.run("search", "--space", space.toString(), "--out",
                tmp.resolve("s").toString(), "--members", "127.0.0.1");
        assertThat(o.code()).isEqualTo(Cli.USAGE);
        assertThat(o.err()).contains("--members, --bind, --secret-file and --slots go with --cluster NAME");
        assertThat(tmp.resolve("s")).doesNotExist();
        o = SearchCommandTest.run("search", "--space", space.toString(), "--out", tmp.resolve("s").toString(),
                "--cluster", "lab", "--members", "10.0.0.5", "--bind", "10.0.0.7");
        assertThat(o.code()).isEqualTo(Cli.USAGE);
        assertThat(o.err()).contains("--bind 10.0.0.7 is not a loopback address");
        assertThat(tmp.resolve("s")).doesNotExist();
    }
}
