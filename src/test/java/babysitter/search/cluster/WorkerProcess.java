package babysitter.search.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@code babysitter worker} in a JVM of its own on 127.0.0.1, for the multi-process tests: its
 * output lines are kept (and can be watched), and it leaves by itself after 20 idle seconds.
 */
final class WorkerProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;
    final int port;

    private WorkerProcess(Process process, int port, Consumer<String> watcher) {
        this.process = process;
        this.port = port;
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    watcher.accept(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "worker-output-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    /** A worker with one slot joining the member at {@code coordinatorPort}. */
    static WorkerProcess start(String cluster, int coordinatorPort, Path secretFile, Path stderr, Consumer<String> watcher)
            throws IOException {
        return start(cluster, List.of(coordinatorPort), secretFile, stderr, watcher, List.of());
    }

    /** A worker with one slot joining the members at {@code memberPorts}, its JVM started with {@code jvmArgs}. */
    static WorkerProcess start(String cluster, List<Integer> memberPorts, Path secretFile, Path stderr,
                               Consumer<String> watcher, List<String> jvmArgs) throws IOException {
        return start(cluster, freePort(), memberPorts, secretFile, stderr, watcher, jvmArgs);
    }

    /** The same, listening on {@code port}. */
    static WorkerProcess start(String cluster, int port, List<Integer> memberPorts, Path secretFile, Path stderr,
                               Consumer<String> watcher, List<String> jvmArgs) throws IOException {
        return start(cluster, port, memberPorts, secretFile, stderr, watcher, jvmArgs, 20);
    }

    /** The same, leaving after {@code idleExit} seconds without a trial. */
    static WorkerProcess start(String cluster, int port, List<Integer> memberPorts, Path secretFile, Path stderr,
                               Consumer<String> watcher, List<String> jvmArgs, int idleExit) throws IOException {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(javaBin.toString(), "-Xmx384m", "-XX:+UseSerialGC"));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "babysitter.Main", "worker",
                "--cluster", cluster, "--members", String.join(",", memberPorts.stream().map(p -> "127.0.0.1:" + p).toList()),
                "--bind", "127.0.0.1:" + port, "--slots", "1", "--idle-exit", Integer.toString(idleExit), "--secret-file", secretFile.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(stderr.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return new WorkerProcess(pb.start(), port, watcher);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Trial ids this worker started. */
    List<Integer> trialsStarted() {
        return lines.stream().filter(l -> l.matches("trial \\d+ started"))
                .map(l -> Integer.parseInt(l.split(" ")[1])).toList();
    }

    boolean alive() {
        return process.isAlive();
    }

    void kill() {
        process.destroyForcibly();
    }

    /**
     * SIGTERM, as Ctrl+C or a service manager stops it. Through the process handle: {@code
     * Process.destroy()} would also close our end of its output, and its last lines would be lost.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for the worker to leave by itself; its exit status, or -1 when it did not. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            return -1;
        }
        reader.join(2000);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
