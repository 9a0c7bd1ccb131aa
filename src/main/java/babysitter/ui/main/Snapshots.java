package babysitter.ui.main;

import babysitter.ui.chart.Png;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.transform.Transform;

/** PNG pictures of what is on screen, at 1× or 2× (must be called on the JavaFX thread). */
public final class Snapshots {
    private Snapshots() {
    }

    /** Renders {@code node} at {@code scale} and writes it as PNG. */
    public static void writePng(Node node, double scale, Path file) throws IOException {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Png.write(node.snapshot(p, null), file);
    }
}
