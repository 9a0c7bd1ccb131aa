package babysitter.bench;

import babysitter.store.RunColumn;
import babysitter.store.RunLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code runs list} costs on its first start in a folder of runs without summary caches: every
 * {@code .summary.json} is deleted, then one listing with every cell's text, then one more from the
 * caches it wrote. One listing per program, so that class loading and the JIT count as they do for a
 * person; run it several times, alternating with the code it is compared with (docs/PERFORMANCE.md).
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) babysitter.bench.ColdListing DIR}
 * on a folder made by {@link LibraryBenchmark}.
 */
public final class ColdListing {

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        try (var dirs = Files.list(root)) {
            for (Path d : dirs.toList()) {
                Files.deleteIfExists(d.resolve(RunLibrary.CACHE));
            }
        }
        long t = System.nanoTime();
        int cold = listed(root);
        double coldMs = (System.nanoTime() - t) / 1e6;
        t = System.nanoTime();
        listed(root);
        double cachedMs = (System.nanoTime() - t) / 1e6;
        System.out.printf("%d runs: cold %.0f ms, from the caches %.0f ms%n", cold, coldMs, cachedMs);
    }

    /** Lists the runs of {@code root} with a new library and makes every cell's text; returns how many. */
    private static int listed(Path root) {
        RunLibrary.Listing l = new RunLibrary().list(List.of(root));
        long chars = 0;
        for (RunLibrary.Entry e : l.runs()) {
            for (RunColumn c : RunColumn.values()) {
                chars += c.text(e).length();
            }
        }
        if (chars == 0 && !l.runs().isEmpty() || !l.warnings().isEmpty()) {
            throw new IllegalStateException("the listing failed: " + l.warnings());
        }
        return l.runs().size();
    }
}
