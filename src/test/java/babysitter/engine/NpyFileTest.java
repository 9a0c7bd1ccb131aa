package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fixtures in src/test/resources/npy/ were written by NumPy 1.24.2 (Debian's python3-numpy)
 * with {@code python3 src/test/resources/npy/make_fixtures.py}; the values expected below are the
 * ones that script writes.
 */
class NpyFileTest {

    @TempDir
    Path tmp;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(NpyFileTest.class.getResource("/npy/" + name).toURI());
    }

    // ------------------------------------------------------------------ files written by NumPy

    @Test
    void readsFloat32VectorWrittenByNumpy() throws Exception {
        INDArray a = NpyFile.read(fixture("f32_1d.npy"));
        assertThat(a.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(a.shape()).containsExactly(6);
        assertThat(a.toFloatVector()).containsExactly(1.5f, -2.25f, 0.1f, 0.0f, 1e-40f, 3.4e38f);
    }

    @Test
    void readsFloat32MatrixWrittenByNumpy() throws Exception {
        INDArray a = NpyFile.read(fixture("f32_2d.npy"));
        assertThat(a.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.toFloatMatrix()).isDeepEqualTo(new float[][] {{-1.0f, -0.5f, 0.0f}, {0.5f, 1.0f, 1.5f}});
    }

    @Test
    void readsFloat64MatrixWrittenByNumpy() throws Exception {
        INDArray a = NpyFile.read(fixture("f64_2d.npy"));
        assertThat(a.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(a.shape()).containsExactly(3, 2);
        double[][] m = a.toDoubleMatrix();
        assertThat(m[0]).containsExactly(0.1, -1e300);
        assertThat(m[1]).containsExactly(Math.PI, Double.MIN_VALUE);
        assertThat(Double.doubleToRawLongBits(m[2][0])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(m[2][1]).isEqualTo(123456789.125);
    }

    @Test
    void readsFormatVersions2And3() throws Exception {
        INDArray v2 = NpyFile.read(fixture("f32_v2.npy"));
        assertThat(Files.readAllBytes(fixture("f32_v2.npy"))[6]).isEqualTo((byte) 2);
        assertThat(v2.shape()).containsExactly(3);
        assertThat(v2.toFloatVector()).containsExactly(1f, 2f, 3f);

        INDArray v3 = NpyFile.read(fixture("f64_v3.npy"));
        assertThat(Files.readAllBytes(fixture("f64_v3.npy"))[6]).isEqualTo((byte) 3);
        assertThat(v3.toDoubleMatrix()).isDeepEqualTo(new double[][] {{1.0, -2.0}, {0.25, 8.0}});
    }

    @Test
    void rejectsFortranOrder() throws Exception {
        Path f = fixture("f32_fortran.npy");
        assertThatThrownBy(() -> NpyFile.read(f))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("fortran_order is True")
                .hasMessageContaining("only C order");
    }

    @Test
    void rejectsInt64() throws Exception {
        Path f = fixture("i64.npy");
        assertThatThrownBy(() -> NpyFile.read(f))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("unsupported dtype '<i8'");
    }

    // ------------------------------------------------------------------ writing

    @Test
    void writesTheVersion1HeaderNumpyWrites() throws Exception {
        Path f = tmp.resolve("a.npy");
        NpyFile.write(f, Nd4j.create(new float[] {1, 2, 3}, new long[] {3}, DataType.FLOAT));
        byte[] bytes = Files.readAllBytes(f);
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0);
        int headerLen = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
        assertThat((10 + headerLen) % 64).isZero();
        String header = new String(bytes, 10, headerLen, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }").endsWith(" \n");
        assertThat(header.strip()).isEqualTo("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }");
        assertThat(bytes).hasSize(10 + headerLen + 12);
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLen, 12).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new float[] {data.getFloat(), data.getFloat(), data.getFloat()}).containsExactly(1f, 2f, 3f);

        // The header of a 2-D double array, byte for byte as NumPy 1.24's np.save(f, np.zeros((256, 10)))
        // writes it: 128 bytes, header length 0x76, 55 spaces of padding.
        assertThat(new String(NpyFile.header("<f8", new long[] {256, 10}), StandardCharsets.ISO_8859_1))
                .isEqualTo("\u0093NUMPY\u0001\u0000v\u0000{'descr': '<f8', 'fortran_order': False, 'shape': (256, 10), }"
                        + " ".repeat(55) + "\n");
    }

    @Test
    void roundTripsFloatAndDoubleIncludingViewsAndFortranOrderArrays() throws Exception {
        INDArray big = Nd4j.arange(0, 24).castTo(DataType.DOUBLE).reshape('c', 4, 6).muli(0.37).subi(3);
        // A strided view (columns 1..3 of rows 1..2) and an f-order copy must both be written in C order.
        INDArray view = big.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 4));
        INDArray fOrder = big.dup('f');
        INDArray floats = big.castTo(DataType.FLOAT);
        for (INDArray a : List.of(big, view, fOrder, floats, big.reshape(24))) {
            Path f = tmp.resolve("x.npy");
            NpyFile.write(f, a);
            INDArray back = NpyFile.read(f);
            assertThat(back.dataType()).isEqualTo(a.dataType());
            assertThat(back.shape()).isEqualTo(a.shape());
            assertThat(back.ordering()).isEqualTo('c');
            NetworkFilesTest.assertSameBits(back, a, "round trip");
        }
        NpyFile.write(tmp.resolve("v.npy"), view);
        assertThat(Files.size(tmp.resolve("v.npy"))).isEqualTo(128 + 6 * 8);
        assertThat(NpyFile.read(tmp.resolve("v.npy")).toDoubleMatrix()[1][2])
                .isEqualTo(big.getDouble(2, 3));
    }

    @Test
    void writesLargeArraysAcrossBufferChunks() throws Exception {
        INDArray a = Nd4j.rand(DataType.FLOAT, 300, 100); // 120 000 bytes > one 64 KiB chunk
        Path f = tmp.resolve("big.npy");
        NpyFile.write(f, a);
        assertThat(Files.size(f)).isEqualTo(128 + 300 * 100 * 4);
        NetworkFilesTest.assertSameBits(NpyFile.read(f), a, "big");
    }

    @Test
    void numpyReadsWhatTheEngineWrites() throws Exception {
        Assumptions.assumeTrue(pythonWithNumpy(), "/usr/bin/python3 with numpy is not available");
        float[] f1 = {1.5f, -0.1f, 3e-42f, 65504f};
        double[][] d2 = {{0.1, -2.5, Math.PI}, {1e-310, -0.0, 1e300}};
        NpyFile.write(tmp.resolve("f1.npy"), Nd4j.create(f1, new long[] {4}, DataType.FLOAT));
        NpyFile.write(tmp.resolve("d2.npy"), Nd4j.create(d2));
        double[][] f2 = {{0.1, -2.5, Math.PI}, {1e-40, -0.0, 3e38}};
        NpyFile.write(tmp.resolve("f2.npy"), Nd4j.create(f2).castTo(DataType.FLOAT));

        List<String> out = python(
                "import sys, numpy as np\n"
                        + "for name in sys.argv[1:]:\n"
                        + "    with open(name, 'rb') as f:\n"
                        + "        version = np.lib.format.read_magic(f)\n"
                        + "    a = np.load(name, allow_pickle=False)\n"
                        + "    print(version, a.dtype.str, a.shape, a.flags.c_contiguous)\n"
                        + "    for x in a.ravel():\n"
                        + "        print(repr(float(x)))\n",
                tmp.resolve("f1.npy").toString(), tmp.resolve("d2.npy").toString(), tmp.resolve("f2.npy").toString());

        List<String> expected = new ArrayList<>();
        expected.add("(1, 0) <f4 (4,) True");
        for (float x : f1) {
            expected.add(Double.toString(x));
        }
        expected.add("(1, 0) <f8 (2, 3) True");
        for (double[] row : d2) {
            for (double x : row) {
                expected.add(Double.toString(x));
            }
        }
        expected.add("(1, 0) <f4 (2, 3) True");
        for (double[] row : f2) {
            for (double x : row) {
                expected.add(Double.toString((float) x));
            }
        }
        assertThat(out).hasSameSizeAs(expected);
        for (int i = 0; i < out.size(); i++) {
            if (expected.get(i).startsWith("(")) {
                assertThat(out.get(i)).isEqualTo(expected.get(i));
            } else {
                // Compare values, not spellings: Python and Java may print a double differently.
                assertThat(Double.doubleToRawLongBits(Double.parseDouble(out.get(i))))
                        .as("value %d: python %s, expected %s", i, out.get(i), expected.get(i))
                        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(expected.get(i))));
            }
        }
    }

    // ------------------------------------------------------------------ broken files

    @Test
    void rejectsBadMagic() throws Exception {
        Path f = tmp.resolve("not.npy");
        Files.writeString(f, "PK\u0003\u0004 this is a zip, not an npy file");
        assertThatThrownBy(() -> NpyFile.read(f))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("not an .npy file");
        Files.write(f, new byte[0]);
        assertThatThrownBy(() -> NpyFile.read(f)).hasMessageContaining("not an .npy file");
    }

    @Test
    void rejectsTruncatedData() throws Exception {
        Path f = tmp.resolve("t.npy");
        NpyFile.write(f, Nd4j.create(new double[] {1, 2, 3, 4}, new long[] {2, 2}, DataType.DOUBLE));
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length - 5));
        assertThatThrownBy(() -> NpyFile.read(f))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("truncated data: expected 32 bytes of data, found 27");
        // extra bytes after the data are not silently ignored
        Files.write(f, Arrays.copyOf(bytes, bytes.length + 8));
        assertThatThrownBy(() -> NpyFile.read(f)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("unexpected trailing data: expected 32 bytes of data, found 40");
        // cut inside the header
        Files.write(f, Arrays.copyOf(bytes, 40));
        assertThatThrownBy(() -> NpyFile.read(f)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsUnsupportedVersion() throws Exception {
        Path f = tmp.resolve("v.npy");
        NpyFile.write(f, Nd4j.create(new float[] {1}, new long[] {1}, DataType.FLOAT));
        byte[] bytes = Files.readAllBytes(f);
        bytes[6] = 4;
        Files.write(f, bytes);
        assertThatThrownBy(() -> NpyFile.read(f)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("unsupported .npy format version 4.0");
    }

    @Test
    void rejectsMalformedHeaders() throws Exception {
        String[] bad = {
            "{'descr': '<f4', 'fortran_order': False, }",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (3), }",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (a,), }",
            "{'descr': '<f4', 'fortran_order': 0, 'shape': (1,), }",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'extra': True}",
            "['descr', '<f4']",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (1,)",
        };
        String[] expected = {"key 'shape' is missing", "(n) is not a tuple", "expected a non-negative integer",
            "unsupported value", "unexpected key 'extra'", "expected '{'", "ends early"};
        for (int i = 0; i < bad.length; i++) {
            Path f = tmp.resolve("h" + i + ".npy");
            Files.write(f, withHeader(bad[i], new byte[4]));
            assertThatThrownBy(() -> NpyFile.read(f)).as(bad[i]).isInstanceOf(NpyFormatException.class)
                    .hasMessageContaining(f.toString())
                    .hasMessageContaining("malformed header")
                    .hasMessageContaining(expected[i]);
        }
        // The parser accepts what it should: double quotes, no trailing comma, other key order.
        Path ok = tmp.resolve("ok.npy");
        Files.write(ok, withHeader("{\"shape\": (1, 1), \"fortran_order\": False, \"descr\": \"<f4\"}",
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(2.5f).array()));
        assertThat(NpyFile.read(ok).toFloatMatrix()).isDeepEqualTo(new float[][] {{2.5f}});
    }

    private static byte[] withHeader(String dict, byte[] data) {
        byte[] text = (dict + "\n").getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(10 + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0})
                .putShort((short) text.length).put(text).put(data).array();
    }

    // ------------------------------------------------------------------ python helpers

    static boolean pythonWithNumpy() {
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static List<String> python(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        String out;
        String err;
        try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
            out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
            err = new String(e.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("python failed: %s", err).isZero();
        return out.lines().toList();
    }
}
