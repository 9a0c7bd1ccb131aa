package babysitter.search.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * How a process joins a cluster of Babysitter members.
 *
 * @param name     the cluster's name (letters, digits, '-', '_', '.')
 * @param members  addresses of members to join, {@code host} or {@code host:port}; TCP-IP join, never multicast
 * @param bindHost the interface this member listens on (loopback unless given)
 * @param bindPort the port it listens on, or 0 for Hazelcast's default (5701, then the next free one)
 * @param secret   the cluster secret, or null (allowed on loopback only)
 */
public record ClusterSpec(String name, List<String> members, String bindHost, int bindPort, ClusterSecret secret) {
    /** Where a member listens when no --bind is given. */
    public static final String LOOPBACK = "127.0.0.1";

    public ClusterSpec {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("--cluster '" + name + "': a name of 1 to 64 letters, digits, '.', '-' or '_'");
        }
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("--members: name at least one member, host or host:port");
        }
        members.forEach(ClusterSpec::checkAddress);
        bindHost = bindHost == null || bindHost.isBlank() ? LOOPBACK : bindHost;
        if (bindPort < 0 || bindPort > 65535) {
            throw new IllegalArgumentException("--bind: port " + bindPort + " is not between 1 and 65535");
        }
        if (secret == null && !isLoopback(bindHost)) {
            throw new IllegalArgumentException("--bind " + bindHost + " is not a loopback address: a member reachable from"
                    + " other machines needs the cluster secret (--secret-file FILE)");
        }
    }

    /** A spec from the command line's {@code --bind ADDR[:PORT]}. */
    public static ClusterSpec of(String name, List<String> members, String bind, ClusterSecret secret) {
        if (bind == null || bind.isBlank()) {
            return new ClusterSpec(name, members, null, 0, secret);
        }
        checkAddress(bind);
        int colon = bind.lastIndexOf(':');
        if (colon < 0) {
            return new ClusterSpec(name, members, bind, 0, secret);
        }
        return new ClusterSpec(name, members, bind.substring(0, colon), Integer.parseInt(bind.substring(colon + 1)), secret);
    }

    /** Whether {@code host} names this machine's loopback interface. */
    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void checkAddress(String address) {
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? address : address.substring(0, colon);
        if (host.isBlank() || host.contains(" ") || host.contains(":")) {
            throw new IllegalArgumentException("'" + address + "' is not host or host:port (IPv4 or a host name)");
        }
        if (colon >= 0) {
            String port = address.substring(colon + 1);
            try {
                int p = Integer.parseInt(port);
                if (p < 1 || p > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + address + "': port '" + port + "' is not between 1 and 65535");
            }
        }
    }
}
