package babysitter.ui.search;

import babysitter.i18n.Texts;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with the cluster fields of New search, in the window's language. The rules are the
 * command line's ({@code ClusterSpec}, {@code ClusterSecret}), whose messages name its options
 * ({@code --members}); the form recognises each of them and says it with the names of its fields.
 */
final class ClusterFormMessages {

    /** One of the rules' messages and how the form says it. */
    private record Known(Pattern message, Function<Matcher, String> said) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known(Pattern.compile("--cluster '(.*)': a name of 1 to 64 letters, digits, '\\.', '-' or '_'"),
                    m -> Texts.get("search.cluster.rule.name", m.group(1))),
            new Known(Pattern.compile("--members: name at least one member, host or host:port"),
                    m -> Texts.get("search.cluster.rule.members")),
            new Known(Pattern.compile("--bind (.*) is not a loopback address: a member reachable from other machines"
                    + " needs the cluster secret \\(--secret-file FILE\\)"),
                    m -> Texts.get("search.cluster.rule.loopback", m.group(1))),
            new Known(Pattern.compile("'(.*)' is not host or host:port \\(IPv4 or a host name\\)"),
                    m -> Texts.get("search.cluster.rule.address", m.group(1))),
            new Known(Pattern.compile("'(.*)': port '(.*)' is not between 1 and 65535"),
                    m -> Texts.get("search.cluster.rule.port", m.group(1), m.group(2))),
            new Known(Pattern.compile("(.*): a cluster secret needs at least (\\d+) bytes, got (\\d+)"),
                    m -> Texts.get("search.cluster.rule.shortSecret", m.group(1), m.group(2), m.group(3))));

    private ClusterFormMessages() {
    }

    /** A cluster rule's message as the form says it; one it does not know names the fields, the rest as the rule words it. */
    static String rule(String message) {
        for (Known k : KNOWN) {
            Matcher m = k.message().matcher(message);
            if (m.matches()) {
                return k.said().apply(m);
            }
        }
        return message.replace("--cluster", Texts.get("search.cluster.fieldName"))
                .replace("--members", Texts.get("search.cluster.members"))
                .replace("--bind", Texts.get("search.cluster.bind"))
                .replace("(--secret-file FILE)", Texts.get("search.cluster.fieldSecret"));
    }

    /** Why the secret file could not be read, as the form says it. */
    static String secretFile(Path file, Exception e) {
        if (e instanceof NoSuchFileException) {
            return Texts.get("search.cluster.rule.noSecret", file, file.getFileName());
        }
        return rule(String.valueOf(e.getMessage()));
    }
}
