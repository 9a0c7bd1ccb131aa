package babysitter.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The CPU time of each of this process's threads, read from Linux's {@code /proc/self/task}: the
 * JIT's compiler threads and the collector's too, which the JVM's own thread bean does not show.
 * {@link #since} turns two readings into each thread name's share of one core over the time
 * between them, for the benchmarks to print where a machine's cores went. On a system without
 * {@code /proc} a reading is empty.
 */
public final class ThreadCpu {
    private final long nanoTime;
    /** Clock ticks of user and system time by thread id, and the thread's name. */
    private final Map<String, Long> ticks;
    private final Map<String, String> names;

    private ThreadCpu(long nanoTime, Map<String, Long> ticks, Map<String, String> names) {
        this.nanoTime = nanoTime;
        this.ticks = ticks;
        this.names = names;
    }

    /** The CPU time of every thread now. */
    public static ThreadCpu read() {
        Map<String, Long> ticks = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (Files.isDirectory(tasks)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks)) {
                for (Path dir : dirs) {
                    readTask(dir, ticks, names);
                }
            } catch (IOException e) {
                // the benchmark prints what it could read
            }
        }
        return new ThreadCpu(System.nanoTime(), ticks, names);
    }

    private static void readTask(Path dir, Map<String, Long> ticks, Map<String, String> names) {
        try {
            String stat = Files.readString(dir.resolve("stat"));
            // pid (name) state ppid … : the name may hold spaces and parentheses, the fields after
            // the last ')' are fixed; utime and stime are the 14th and 15th fields of the line.
            int close = stat.lastIndexOf(')');
            String[] after = stat.substring(close + 2).trim().split(" ");
            String id = dir.getFileName().toString();
            ticks.put(id, Long.parseLong(after[11]) + Long.parseLong(after[12]));
            names.put(id, stat.substring(stat.indexOf('(') + 1, close));
        } catch (IOException | RuntimeException e) {
            // a thread that ended between the listing and the read
        }
    }

    /**
     * Each thread name's share of one core between {@code earlier} and this reading, in percent,
     * largest first, those under 1 % left out; threads of the same name are added up.
     */
    public String since(ThreadCpu earlier) {
        double seconds = (nanoTime - earlier.nanoTime) / 1e9;
        // Linux counts these times in clock ticks of 1/100 s (USER_HZ) on every common build.
        double ticksPerSecond = 100;
        Map<String, Double> share = new TreeMap<>();
        ticks.forEach((id, t) -> {
            double used = (t - earlier.ticks.getOrDefault(id, 0L)) / ticksPerSecond;
            share.merge(names.get(id), 100 * used / seconds, Double::sum);
        });
        double total = share.values().stream().mapToDouble(Double::doubleValue).sum();
        return share.entrySet().stream().filter(e -> e.getValue() >= 1)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.0f %%", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "", String.format(" (all threads %.0f %% of one core)", total)));
    }
}
