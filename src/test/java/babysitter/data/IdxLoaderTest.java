package babysitter.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxLoaderTest {

    @TempDir
    Path dir;

    /** An IDX images file of count images of rows × cols; pixel (i, p) = (7i + p) mod 256. */
    static byte[] images(int count, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols); // big-endian by default
        b.putInt(0x00000803).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                b.put((byte) ((7 * i + p) % 256));
            }
        }
        return b.array();
    }

    static byte[] labels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(0x00000801).putInt(labels.length);
        for (int l : labels) {
            b.put((byte) l);
        }
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static void assertSmall(Dataset d) {
        assertThat(d.rows()).isEqualTo(3);
        assertThat(d.columns()).isEqualTo(6);
        assertThat(d.featureNames()).containsExactly("pixel_0_0", "pixel_0_1", "pixel_0_2", "pixel_1_0", "pixel_1_1",
                "pixel_1_2");
        assertThat(d.classNames()).hasSize(10).startsWith("0", "1");
        assertThat(d.labels()).containsExactly(3, 0, 9);
        for (int i = 0; i < 3; i++) {
            for (int p = 0; p < 6; p++) {
                assertThat(d.feature(i, p)).isEqualTo(((7 * i + p) % 256) / 255f);
            }
        }
    }

    @Test
    void rawRoundTrip() throws IOException {
        Dataset d = IdxLoader.load(write("im", images(3, 2, 3)), write("lab", labels(3, 0, 9)), "tiny");
        assertThat(d.name()).isEqualTo("tiny");
        assertSmall(d);
    }

    @Test
    void float64PixelsAreTheExactQuotientsAndFloat32OnesTheirRoundings() throws IOException {
        Dataset d = IdxLoader.load(write("im", images(3, 2, 3)), write("lab", labels(3, 0, 9)), "tiny",
                org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        assertThat(d.dataType()).isEqualTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        for (int i = 0; i < 3; i++) {
            for (int p = 0; p < 6; p++) {
                assertThat(d.feature(i, p)).isEqualTo(((7 * i + p) % 256) / 255.0);
                assertThat((float) d.feature(i, p)).isEqualTo(((7 * i + p) % 256) / 255f);
            }
        }
    }

    @Test
    void gzipRecognisedByContentNotName() throws IOException {
        // gzip content under names without .gz, raw content under a .gz name
        Dataset d = IdxLoader.load(write("images.bin", gzip(images(3, 2, 3))), write("labels.gz", labels(3, 0, 9)),
                "mixed");
        assertSmall(d);
    }

    @Test
    void fullPixelRangeScaledToUnitInterval() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16 + 2);
        b.putInt(0x803).putInt(1).putInt(1).putInt(2).put((byte) 0).put((byte) 255);
        Dataset d = IdxLoader.load(write("im", b.array()), write("lab", labels(1)), "range");
        assertThat(d.feature(0, 0)).isEqualTo(0f);
        assertThat(d.feature(0, 1)).isEqualTo(1f);
    }

    @Test
    void labelsAboveNineWidenTheClasses() throws IOException {
        Dataset d = IdxLoader.load(write("im", images(3, 2, 3)), write("lab", labels(3, 0, 11)), "wide");
        assertThat(d.classes()).isEqualTo(12);
        assertThat(d.classNames().get(11)).isEqualTo("11");
    }

    @Test
    void wrongMagicNamesFileFoundAndExpected() throws IOException {
        Path im = write("swapped-images", labels(1, 2, 3));
        Path lab = write("lab", labels(1, 2, 3));
        assertThatThrownBy(() -> IdxLoader.load(im, lab, "x"))
                .isInstanceOf(DataFileException.class)
                .hasMessage(im + ": wrong magic number 0x00000801, expected 0x00000803 (IDX images of unsigned bytes)");
        Path im2 = write("im", images(3, 2, 3));
        Path lab2 = write("swapped-labels.gz", gzip(images(3, 2, 3)));
        assertThatThrownBy(() -> IdxLoader.load(im2, lab2, "x"))
                .hasMessage(lab2 + ": wrong magic number 0x00000803, expected 0x00000801 (IDX labels of unsigned bytes)");
    }

    @Test
    void truncatedBodyNamesOffsetAndExpectedBytes() throws IOException {
        byte[] full = images(3, 2, 3); // 16 + 18 bytes
        Path im = write("cut", Arrays.copyOf(full, 16 + 10));
        Path lab = write("lab", labels(3, 0, 9));
        assertThatThrownBy(() -> IdxLoader.load(im, lab, "x"))
                .isInstanceOf(DataFileException.class)
                .hasMessage(im + ": truncated: the data end at byte offset 26, expected 18 bytes of 3 images of 2 × 3"
                        + " pixels from offset 16");
        Path gz = write("cut.gz", gzip(Arrays.copyOf(full, 16 + 10)));
        assertThatThrownBy(() -> IdxLoader.load(gz, lab, "x"))
                .hasMessage(gz + ": truncated: the data end at byte offset 26, expected 18 bytes of 3 images of 2 × 3"
                        + " pixels from offset 16");
        Path header = write("header", Arrays.copyOf(labels(3, 0, 9), 6));
        assertThatThrownBy(() -> IdxLoader.load(write("im", full), header, "x"))
                .hasMessage(header + ": truncated: the data end at byte offset 6, expected 4 bytes of label count from"
                        + " offset 4");
    }

    @Test
    void truncatedGzipStreamIsReportedAsTruncated() throws IOException {
        byte[] gz = gzip(images(50, 28, 28));
        Path im = write("cut-stream", Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxLoader.load(im, write("lab", labels(new int[50])), "x"))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(im + ": truncated: the data end at byte offset ")
                .hasMessageEndingWith("expected 39200 bytes of 50 images of 28 × 28 pixels from offset 16");
    }

    @Test
    void differentCountsNameBothFiles() throws IOException {
        Path im = write("im", images(3, 2, 3));
        Path lab = write("lab", labels(1, 2));
        assertThatThrownBy(() -> IdxLoader.load(im, lab, "x"))
                .isInstanceOf(DataFileException.class)
                .hasMessage(lab + ": holds 2 labels but the images file " + im + " holds 3 images: expected one label"
                        + " per image");
    }

    @Test
    void missingPath() throws IOException {
        Path lab = write("lab", labels(1));
        Path nowhere = dir.resolve("nowhere");
        assertThatThrownBy(() -> IdxLoader.load(nowhere, lab, "x"))
                .isInstanceOf(DataFileException.class)
                .hasMessage(nowhere + ": no such file (expected an IDX images file)");
        assertThatThrownBy(() -> IdxLoader.loadFolder(nowhere, 0.1, 1))
                .hasMessage(nowhere + ": no such folder (expected a folder of IDX files)");
        assertThatThrownBy(() -> IdxLoader.loadFolder(dir, 0.1, 1))
                .hasMessage(dir.resolve("train-images-idx3-ubyte") + ": no such file (expected train-images-idx3-ubyte"
                        + " or train-images-idx3-ubyte.gz in the folder)");
    }

    @Test
    void folderSplitsTrainIntoTrainAndDevAndKeepsTest() throws IOException {
        int[] trainLabels = new int[20];
        Arrays.setAll(trainLabels, i -> i % 10);
        write("train-images-idx3-ubyte.gz", gzip(images(20, 2, 2)));
        write("train-labels-idx1-ubyte", labels(trainLabels));
        write("t10k-images-idx3-ubyte", images(5, 2, 2));
        write("t10k-labels-idx1-ubyte.gz", gzip(labels(1, 2, 3, 4, 5)));
        Split s = IdxLoader.loadFolder(dir, 0.25, 7);
        assertThat(s.train().rows()).isEqualTo(15);
        assertThat(s.dev().rows()).isEqualTo(5);
        assertThat(s.test().rows()).isEqualTo(5);
        assertThat(s.test().labels()).containsExactly(1, 2, 3, 4, 5);
        // train and dev together are the 20 training images, each once (image i starts with pixel 7i mod 256)
        Set<Float> firstPixels = new HashSet<>();
        for (Dataset d : new Dataset[] {s.train(), s.dev()}) {
            for (int r = 0; r < d.rows(); r++) {
                float first = (float) d.feature(r, 0);
                int i = Math.round(first * 255) / 7;
                assertThat(d.label(r)).isEqualTo(i % 10);
                firstPixels.add(first);
            }
        }
        assertThat(firstPixels).hasSize(20);
        Split again = IdxLoader.loadFolder(dir, 0.25, 7);
        assertThat(again.dev().features()).containsExactly(s.dev().features());
        assertThat(IdxLoader.loadFolder(dir, 0.25, 8).dev().features()).isNotEqualTo(s.dev().features());
        assertThatThrownBy(() -> IdxLoader.loadFolder(dir, 1.0, 7)).hasMessage("dev fraction must be in [0, 1), got 1.0");
    }

    @Test
    void withoutShuffleDevIsTheLastTrainingImagesAndTrainTheOthersInOrder() throws IOException {
        int[] trainLabels = new int[20];
        Arrays.setAll(trainLabels, i -> i % 10);
        write("train-images-idx3-ubyte", images(20, 2, 2));
        write("train-labels-idx1-ubyte", labels(trainLabels));
        write("t10k-images-idx3-ubyte", images(5, 2, 2));
        write("t10k-labels-idx1-ubyte", labels(1, 2, 3, 4, 5));
        Split s = IdxLoader.loadFolder(dir, 0.25, 7, false);
        // image i starts with pixel 7i mod 256
        for (int r = 0; r < 15; r++) {
            assertThat(s.train().feature(r, 0)).isEqualTo(7 * r / 255f);
        }
        for (int r = 0; r < 5; r++) {
            assertThat(s.dev().feature(r, 0)).isEqualTo(7 * (15 + r) / 255f);
        }
        // with nothing held out, the training images in the file's order
        Split all = IdxLoader.loadFolder(dir, 0.0, 7, null);
        for (int r = 0; r < 20; r++) {
            assertThat(all.train().feature(r, 0)).isEqualTo(7 * r / 255f);
        }
    }

    @Test
    void fashionMnistFromDebian() {
        Path folder = Path.of("/usr/share/datasets/fashion-mnist");
        assumeTrue(Files.isDirectory(folder), "Debian's dataset-fashion-mnist is not installed");
        Split s = IdxLoader.loadFolder(folder, 0.1, 1);
        assertThat(s.train().rows() + s.dev().rows()).isEqualTo(60_000);
        assertThat(s.dev().rows()).isEqualTo(6_000);
        assertThat(s.test().rows()).isEqualTo(10_000);
        assertThat(s.test().columns()).isEqualTo(784);
        assertThat(s.test().classes()).isEqualTo(10);
        assertThat(s.test().classCounts()).containsOnly(1000);
        // values read with od: zcat t10k-labels-idx1-ubyte.gz | od -A d -t u1 -j 8 (labels 9 2 1 1 …);
        // zcat t10k-images-idx3-ubyte.gz | od -A d -t u1 -j 16 (image 0: byte 215 is 3, byte 353 is 137;
        // image 1: byte 343 is 255)
        assertThat(s.test().labels()).startsWith(9, 2, 1, 1);
        assertThat(s.test().feature(0, 0)).isEqualTo(0f);
        assertThat(s.test().feature(0, 215)).isEqualTo(3 / 255f);
        assertThat(s.test().feature(0, 353)).isEqualTo(137 / 255f);
        assertThat(s.test().feature(1, 343)).isEqualTo(1f);
    }
}
