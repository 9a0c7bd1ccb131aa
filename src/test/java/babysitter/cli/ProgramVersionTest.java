package babysitter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.configuration.Release;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProgramVersionTest {

    @Test
    void versionOptionPrintsTheVersionRunsRecord() {
        StringWriter out = new StringWriter();
        int code = Cli.run(new String[] {"--version"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        assertThat(out.toString().strip()).isEqualTo("babysitter " + Release.VERSION);
    }

    @Test
    void theBuildsVersionIsTheProgramsVersion() throws Exception {
        // the installed package takes its version from pom.xml, run.json from Release.VERSION
        Properties build = new Properties();
        try (InputStream in = ProgramVersionTest.class.getResourceAsStream("/babysitter/build.properties")) {
            assertThat(in).as("babysitter/build.properties on the test class path").isNotNull();
            build.load(in);
        }
        assertThat(build.getProperty("project.version")).isEqualTo(Release.VERSION);
    }
}
