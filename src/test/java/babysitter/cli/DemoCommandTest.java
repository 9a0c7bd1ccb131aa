package babysitter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code demo} is a command like the others: parsed, helped and refused by picocli, with the usual exit statuses. */
class DemoCommandTest {

    @Test
    void trainsTheBlobsOneLinePerEpoch() {
        CliTest.Outcome o = CliTest.run("demo", "--epochs", "3");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("Babysitter engine demo: 600 points in 3 Gaussian blobs, network 2-16-16-3");
        assertThat(o.out().lines().filter(l -> l.startsWith("epoch ")).toList()).hasSize(3);
        assertThat(o.out()).contains("epoch   3  cost ").contains("probabilities of the first three points");
        assertThat(o.err()).isEmpty();
    }

    @Test
    void isListedInTheHelpAndHasItsOwn() {
        assertThat(CliTest.run("--help").out()).contains("demo").contains("Engine demo");
        CliTest.Outcome help = CliTest.run("demo", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: babysitter demo").contains("--epochs=N")
                .contains("3 Gaussian blobs, 2-16-16-3 with batch norm");
    }

    @Test
    void badArgumentsAreUsageErrorsWithAMessage() {
        CliTest.Outcome zero = CliTest.run("demo", "--epochs", "0");
        assertThat(zero.code()).isEqualTo(Cli.USAGE);
        assertThat(zero.err()).contains("--epochs must be at least 1, got 0").doesNotContain("Exception");
        CliTest.Outcome word = CliTest.run("demo", "--epochs", "many");
        assertThat(word.code()).isEqualTo(Cli.USAGE);
        assertThat(word.err()).contains("--epochs").contains("many");
        CliTest.Outcome unknown = CliTest.run("demo", "--bogus");
        assertThat(unknown.code()).isEqualTo(Cli.USAGE);
        assertThat(unknown.err()).contains("--bogus");
    }
}
