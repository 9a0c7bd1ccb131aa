package babysitter.ui.chart;

import babysitter.report.ExportFile;
import babysitter.store.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javax.imageio.ImageIO;

/** JavaFX images as PNG files, without javafx-swing: PixelReader → BufferedImage → ImageIO. */
public final class Png {
    private Png() {
    }

    /** The image as an ARGB {@link BufferedImage}. */
    public static BufferedImage toBufferedImage(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    /** Writes the image to {@code file}: to a temporary file beside it first, then moved into place. */
    public static void write(Image image, Path file) throws IOException {
        BufferedImage out = toBufferedImage(image);
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException("cannot write " + file + ": its folder does not exist");
        }
        AtomicFiles.write(file, stream -> {
            if (!ImageIO.write(out, "png", stream)) {
                throw new IOException("no PNG writer available for " + file);
            }
        });
        ExportFile.makeReadable(file);
    }

    /**
     * Writes the image {@code take} makes on the FX thread as a PNG: from the FX thread directly;
     * from another thread the image is taken on the FX thread and written on the caller's.
     */
    public static void writeFromFx(Supplier<Image> take, Path file) throws IOException {
        if (Platform.isFxApplicationThread()) {
            write(take.get(), file);
            return;
        }
        CompletableFuture<Image> future = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                future.complete(take.get());
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        });
        Image image;
        try {
            image = future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while taking the chart's image for " + file, e);
        } catch (ExecutionException e) {
            throw new IOException("could not take the chart's image for " + file + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the FX thread did not take the chart's image for " + file + " within 30 s", e);
        }
        write(image, file);
    }
}
