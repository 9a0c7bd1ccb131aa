package babysitter.search.cluster;

import babysitter.session.configuration.Release;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.InterfacesConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts this process's Hazelcast member the one way Babysitter allows: listening on the given
 * interface only, joining the named members over TCP-IP (no multicast, no auto-detection), under a
 * cluster name derived from the secret, with a member endpoint only (no client, REST or Memcache
 * endpoint, hence no Management Center either), the Java deserialization filter on, and no phone-home.
 */
public final class Members {
    /** Member attribute: the Babysitter version of the member. */
    static final String VERSION = "babysitter.version";
    /** Member attribute: "coordinator" or "worker". */
    static final String ROLE = "babysitter.role";
    /** Member attribute: how many trials it trains at once. */
    static final String SLOTS = "babysitter.slots";
    /**
     * Member attribute: who the member is, for as long as its process runs. Hazelcast gives a member
     * a new UUID when its cluster merges into another (a coordinator that started alone and later
     * found the workers' cluster), so a UUID cannot name a coordinator's result queue or a claim.
     */
    static final String ID = "babysitter.id";
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private Members() {
    }

    /** The Hazelcast configuration of a member with that role and slots. */
    static Config config(ClusterSpec spec, String role, int slots) {
        return config(spec, role, slots, UUID.randomUUID().toString());
    }

    /** The same with the member's lasting id. */
    static Config config(ClusterSpec spec, String role, int slots, String id) {
        ClusterSecret secret = spec.secret() == null ? ClusterSecret.none() : spec.secret();
        Config c = new Config();
        c.setClusterName(secret.hazelcastName(spec.name()));
        // a window may hold several members at once (a search per window, a look-up): each its own name
        c.setInstanceName("babysitter-" + role + "-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet());
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "slf4j");
        // Ctrl+C is ours: a worker hands its trials back before it leaves
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.local.localAddress", spec.bindHost());
        c.setProperty("hazelcast.wait.seconds.before.join", "1");
        // a member that stops answering is declared lost after 15 s (default 60 s)
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", "15");
        c.setProperty("hazelcast.partition.count", "23");
        // members started before the one they name (workers before the search) each found a cluster
        // of their own; these are merged 10 s later instead of Hazelcast's default 5 minutes
        c.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
        c.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
        c.getJetConfig().setEnabled(false);
        c.getManagementCenterConfig().setScriptingEnabled(false).setConsoleEnabled(false);
        c.getSerializationConfig().setJavaSerializationFilterConfig(new JavaSerializationFilterConfig());
        c.getMemberAttributeConfig().setAttribute(VERSION, version());
        c.getMemberAttributeConfig().setAttribute(ROLE, role);
        c.getMemberAttributeConfig().setAttribute(SLOTS, Integer.toString(slots));
        c.getMemberAttributeConfig().setAttribute(ID, id);

        c.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        c.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        AdvancedNetworkConfig net = c.getAdvancedNetworkConfig();
        net.setEnabled(true);
        ServerSocketEndpointConfig member = new ServerSocketEndpointConfig();
        member.setPort(spec.bindPort() == 0 ? 5701 : spec.bindPort());
        member.setPortAutoIncrement(spec.bindPort() == 0);
        member.setInterfaces(new InterfacesConfig().setEnabled(true).addInterface(spec.bindHost()));
        net.setMemberEndpointConfig(member);
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(new ArrayList<>(spec.members())).setConnectionTimeoutSeconds(3);
        return c;
    }

    /** Starts and joins (or founds) the cluster. */
    static HazelcastInstance start(ClusterSpec spec, String role, int slots) {
        return start(spec, role, slots, false);
    }

    /** The same; a lite member holds no share of the cluster's data (it may leave at any time). */
    static HazelcastInstance start(ClusterSpec spec, String role, int slots, boolean lite) {
        // read before the configuration is: without it Hazelcast's first lines go to java.util.logging
        System.setProperty("hazelcast.logging.type", "slf4j");
        return Hazelcast.newHazelcastInstance(config(spec, role, slots).setLiteMember(lite));
    }

    /**
     * The Babysitter version this member announces and puts in its tasks: the program's, unless the
     * system property {@code babysitter.cluster.version} names another (to see a refusal without
     * building another release).
     */
    static String version() {
        return System.getProperty("babysitter.cluster.version", Release.VERSION);
    }

    /** The member's lasting id (its Hazelcast UUID for a member that is not one of ours). */
    static String id(Member m) {
        String id = m.getAttribute(ID);
        return id != null ? id : m.getUuid().toString();
    }

    /**
     * Why a member of version {@code mine} must not work with these members, or null: every member
     * must run the same Babysitter version (a task means the same thing to both ends only then).
     */
    static VersionRefusal refusal(String mine, Collection<Member> members) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Member m : members) {
            versions.put(address(m), m.getAttribute(VERSION));
        }
        return refusal(mine, versions);
    }

    /** The same for versions by member address (a member without one is not ours and is left out). */
    static VersionRefusal refusal(String mine, Map<String, String> versionsByAddress) {
        Map<String, String> others = new LinkedHashMap<>();
        versionsByAddress.forEach((address, v) -> {
            if (v != null && !v.equals(mine)) {
                others.put(address, v);
            }
        });
        return others.isEmpty() ? null : new VersionRefusal(mine, others);
    }

    /** Trials the members train at once (their slots attribute summed). */
    static int slots(Collection<Member> members) {
        int n = 0;
        for (Member m : members) {
            try {
                n += Integer.parseInt(m.getAttribute(SLOTS));
            } catch (NumberFormatException | NullPointerException e) {
                // not one of ours: trains nothing
            }
        }
        return n;
    }

    /** host:port. */
    static String address(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    /** The event of {@code m} joining. */
    static ClusterEvent joined(Member m) {
        return ClusterEvent.joined(address(m), String.valueOf(m.getAttribute(ROLE)), slots(List.of(m)));
    }

    /** How the window names the member with this id: this computer, or its address. */
    static String label(Collection<Member> members, String memberId) {
        for (Member m : members) {
            if (id(m).equals(memberId)) {
                return m.localMember() ? ClusterStatus.HERE : address(m);
            }
        }
        return ClusterStatus.GONE;
    }

    /** The members as the window lists them. */
    static List<ClusterStatus.MemberInfo> infos(Collection<Member> members) {
        List<ClusterStatus.MemberInfo> infos = new ArrayList<>();
        for (Member m : members) {
            infos.add(new ClusterStatus.MemberInfo(address(m), String.valueOf(m.getAttribute(ROLE)), slots(List.of(m)),
                    m.localMember()));
        }
        return infos;
    }
}
