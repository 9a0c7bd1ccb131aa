package babysitter.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a class of the program (by default the launcher, {@code babysitter.Main}) in a separate JVM. */
final class ChildJvm {
    private ChildJvm() {
    }

    record Result(int code, String out, String err) {
    }

    /** Starts {@code mainClass} with {@code args} and the heap limit {@code xmx}; output goes to files in {@code dir}. */
    static Process start(Path dir, String name, String xmx, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    /** Waits for a started JVM (at most {@code seconds}) and returns its exit status and output. */
    static Result finish(Process p, Path dir, String name, int seconds) throws Exception {
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(name + " did not end within " + seconds + " s; stderr: " + read(dir, name + ".err"));
        }
        return new Result(p.exitValue(), read(dir, name + ".out"), read(dir, name + ".err"));
    }

    /** Runs the launcher with {@code args} to its end. */
    static Result run(Path dir, String name, String xmx, String... args) throws Exception {
        return finish(start(dir, name, xmx, "babysitter.Main", args), dir, name, 300);
    }

    static String read(Path dir, String file) throws IOException {
        Path f = dir.resolve(file);
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }
}
