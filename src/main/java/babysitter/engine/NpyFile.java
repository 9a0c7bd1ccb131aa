package babysitter.engine;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads and writes single arrays in NumPy's {@code .npy} format
 * (<a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>).
 *
 * <p>Written files are format version 1.0, C order, little-endian float32 ({@code <f4}) or float64
 * ({@code <f8}). Reading accepts versions 1.0, 2.0 and 3.0 with the same two element types in C
 * order; anything else is rejected with an {@link NpyFormatException} naming the file and the
 * problem.
 */
public final class NpyFile {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;
    private static final int CHUNK_BYTES = 1 << 16;
    /** Longest header accepted when reading; NumPy itself refuses headers over 10 000 bytes by default. */
    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final String DESCR_F4 = "<f4";
    private static final String DESCR_F8 = "<f8";

    private NpyFile() {
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes {@code array} (FLOAT or DOUBLE, any view or ordering) to {@code file} as NPY 1.0,
     * C order, replacing the file if it exists.
     */
    public static void write(Path file, INDArray array) throws IOException {
        DataType type = array.dataType();
        String descr;
        int itemSize;
        if (type == DataType.FLOAT) {
            descr = DESCR_F4;
            itemSize = Float.BYTES;
        } else if (type == DataType.DOUBLE) {
            descr = DESCR_F8;
            itemSize = Double.BYTES;
        } else {
            throw new IllegalArgumentException("only FLOAT and DOUBLE arrays can be written as .npy, got "
                    + type + " for " + file);
        }
        byte[] header = header(descr, array.shape());
        INDArray contiguous = contiguous(array);
        long length = array.length();

        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), CHUNK_BYTES)) {
            out.write(header);
            if (length == 0) {
                return;
            }
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            int perChunk = CHUNK_BYTES / itemSize;
            if (type == DataType.FLOAT) {
                float[] values = contiguous.data().asFloat();
                FloatBuffer view = chunk.asFloatBuffer();
                for (int from = 0; from < values.length; from += perChunk) {
                    int n = Math.min(perChunk, values.length - from);
                    view.clear();
                    view.put(values, from, n);
                    out.write(chunk.array(), 0, n * itemSize);
                }
            } else {
                double[] values = contiguous.data().asDouble();
                DoubleBuffer view = chunk.asDoubleBuffer();
                for (int from = 0; from < values.length; from += perChunk) {
                    int n = Math.min(perChunk, values.length - from);
                    view.clear();
                    view.put(values, from, n);
                    out.write(chunk.array(), 0, n * itemSize);
                }
            }
        }
    }

    /** The array itself if its buffer holds exactly its elements in C order, else a C-order copy. */
    private static INDArray contiguous(INDArray array) {
        boolean exact = !array.isView() && array.ordering() == 'c' && array.data().length() == array.length()
                && array.offset() == 0;
        return exact ? array : array.dup('c');
    }

    /** Magic, version 1.0, header length and the padded header dict, a multiple of 64 bytes in all. */
    static byte[] header(String descr, long[] shape) {
        StringBuilder dict = new StringBuilder();
        dict.append("{'descr': '").append(descr).append("', 'fortran_order': False, 'shape': ")
                .append(shapeTuple(shape)).append(", }");
        int preamble = MAGIC.length + 2 + 2;
        int unpadded = preamble + dict.length() + 1; // + '\n'
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        dict.append(" ".repeat(padding)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        if (text.length > 0xFFFF) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " makes an .npy header of "
                    + text.length + " bytes, more than version 1.0 allows (65535)");
        }
        ByteBuffer buf = ByteBuffer.allocate(preamble + text.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return buf.array();
    }

    private static String shapeTuple(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    // ------------------------------------------------------------------ reading

    /** Reads a float32 or float64 array; its ND4J type is FLOAT or DOUBLE accordingly. */
    public static INDArray read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = ch.size();
            ByteBuffer start = ByteBuffer.allocate(MAGIC.length + 2).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, start);
            if (start.position() < MAGIC.length || !Arrays.equals(Arrays.copyOf(start.array(), MAGIC.length), MAGIC)) {
                throw new NpyFormatException(file, "not an .npy file (it does not start with \\x93NUMPY)");
            }
            if (start.position() < start.capacity()) {
                throw new NpyFormatException(file, "truncated .npy file: it ends inside the format version");
            }
            int major = start.get(6) & 0xFF;
            int minor = start.get(7) & 0xFF;
            if (!(minor == 0 && (major == 1 || major == 2 || major == 3))) {
                throw new NpyFormatException(file, "unsupported .npy format version " + major + "." + minor
                        + " (supported: 1.0, 2.0, 3.0)");
            }
            int lengthBytes = major == 1 ? 2 : 4;
            ByteBuffer lenBuf = ByteBuffer.allocate(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf);
            if (lenBuf.hasRemaining()) {
                throw new NpyFormatException(file, "truncated .npy file: it ends inside the header length");
            }
            long headerLength = major == 1 ? (lenBuf.getShort(0) & 0xFFFFL) : (lenBuf.getInt(0) & 0xFFFFFFFFL);
            if (headerLength > MAX_HEADER_BYTES) {
                throw new NpyFormatException(file, "malformed header: declared length " + headerLength
                        + " bytes exceeds the limit of " + MAX_HEADER_BYTES);
            }
            ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLength);
            readFully(ch, headerBuf);
            if (headerBuf.hasRemaining()) {
                throw new NpyFormatException(file, "truncated .npy file: header of " + headerLength
                        + " bytes declared, only " + headerBuf.position() + " present");
            }
            String headerText = new String(headerBuf.array(),
                    major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            Header header = parseHeader(file, headerText);

            int itemSize = header.descr.equals(DESCR_F4) ? Float.BYTES : Double.BYTES;
            long count = 1;
            for (long d : header.shape) {
                count = Math.multiplyExact(count, d);
            }
            if (count > (Integer.MAX_VALUE - 8) / itemSize) {
                throw new NpyFormatException(file, "array of " + count + " elements is too large to load");
            }
            long expected = count * itemSize;
            long found = fileSize - ch.position();
            if (found != expected) {
                throw new NpyFormatException(file, (found < expected ? "truncated data" : "unexpected trailing data")
                        + ": expected " + expected + " bytes of data, found " + found + " (shape "
                        + Arrays.toString(header.shape) + ", dtype " + header.descr + ")");
            }
            ByteBuffer data = ByteBuffer.allocate((int) expected).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, data);
            if (data.hasRemaining()) {
                throw new NpyFormatException(file, "truncated data: expected " + expected + " bytes, found "
                        + data.position());
            }
            data.flip();
            return toArray(header, data, (int) count);
        } catch (ArithmeticException e) {
            throw new NpyFormatException(file, "malformed header: the shape's element count overflows");
        }
    }

    private static INDArray toArray(Header header, ByteBuffer data, int count) {
        if (count == 0) {
            DataType dt = header.descr.equals(DESCR_F4) ? DataType.FLOAT : DataType.DOUBLE;
            return Nd4j.create(dt, header.shape);
        }
        if (header.descr.equals(DESCR_F4)) {
            float[] values = new float[count];
            data.asFloatBuffer().get(values);
            return header.shape.length == 0 ? Nd4j.scalar(values[0]) : Nd4j.create(values, header.shape, DataType.FLOAT);
        }
        double[] values = new double[count];
        data.asDoubleBuffer().get(values);
        return header.shape.length == 0 ? Nd4j.scalar(values[0]) : Nd4j.create(values, header.shape, DataType.DOUBLE);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                return;
            }
        }
    }

    // ------------------------------------------------------------------ header parsing

    private record Header(String descr, boolean fortranOrder, long[] shape) {
    }

    /** Parses the Python dict literal of the header; only the forms NumPy writes are accepted. */
    static Header parseHeader(Path file, String text) throws NpyFormatException {
        Map<String, Object> dict = new HeaderParser(file, text).parse();
        for (String key : dict.keySet()) {
            if (!key.equals("descr") && !key.equals("fortran_order") && !key.equals("shape")) {
                throw new NpyFormatException(file, "malformed header: unexpected key '" + key + "'");
            }
        }
        Object descr = require(file, dict, "descr", String.class, "a string");
        Object fortran = require(file, dict, "fortran_order", Boolean.class, "True or False");
        Object shape = require(file, dict, "shape", long[].class, "a tuple of integers");
        if (!descr.equals(DESCR_F4) && !descr.equals(DESCR_F8)) {
            throw new NpyFormatException(file, "unsupported dtype '" + descr
                    + "' (supported: '<f4' float32 and '<f8' float64)");
        }
        if ((Boolean) fortran) {
            throw new NpyFormatException(file, "fortran_order is True: only C order arrays are supported");
        }
        return new Header((String) descr, false, (long[]) shape);
    }

    private static Object require(Path file, Map<String, Object> dict, String key, Class<?> type, String what)
            throws NpyFormatException {
        Object value = dict.get(key);
        if (value == null) {
            throw new NpyFormatException(file, "malformed header: key '" + key + "' is missing");
        }
        if (!type.isInstance(value)) {
            throw new NpyFormatException(file, "malformed header: '" + key + "' must be " + what);
        }
        return value;
    }

    /** A recursive-descent reader of {'key': value, ...} with string, True/False and int-tuple values. */
    private static final class HeaderParser {
        private final Path file;
        private final String s;
        private int pos;

        HeaderParser(Path file, String s) {
            this.file = file;
            this.s = s;
        }

        Map<String, Object> parse() throws NpyFormatException {
            Map<String, Object> result = new LinkedHashMap<>();
            skipSpace();
            expect('{');
            skipSpace();
            while (peek() != '}') {
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                Object value = value();
                if (result.put(key, value) != null) {
                    throw error("key '" + key + "' appears twice");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                } else if (peek() != '}') {
                    throw error("expected ',' or '}' at offset " + pos);
                }
            }
            pos++;
            skipSpace();
            if (pos != s.length()) {
                throw error("unexpected text after the dict at offset " + pos);
            }
            return result;
        }

        private Object value() throws NpyFormatException {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            throw error("unsupported value at offset " + pos);
        }

        private long[] tuple() throws NpyFormatException {
            expect('(');
            List<Long> dims = new ArrayList<>();
            skipSpace();
            boolean needComma = false;
            while (peek() != ')') {
                int begin = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (begin == pos) {
                    throw error("expected a non-negative integer in the shape at offset " + pos);
                }
                try {
                    dims.add(Long.parseLong(s.substring(begin, pos)));
                } catch (NumberFormatException e) {
                    throw error("shape dimension " + s.substring(begin, pos) + " is too large");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                    needComma = false;
                } else {
                    needComma = true;
                    if (peek() != ')') {
                        throw error("expected ',' or ')' in the shape at offset " + pos);
                    }
                }
            }
            pos++;
            if (dims.size() == 1 && needComma) {
                throw error("(n) is not a tuple; a 1-D shape is written (n,)");
            }
            long[] shape = new long[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = dims.get(i);
            }
            return shape;
        }

        private String string() throws NpyFormatException {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("expected a quoted string at offset " + pos);
            }
            int end = s.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("unterminated string at offset " + pos);
            }
            String value = s.substring(pos + 1, end);
            if (value.indexOf('\\') >= 0) {
                throw error("escape sequences in strings are not supported");
            }
            pos = end + 1;
            return value;
        }

        private void expect(char c) throws NpyFormatException {
            if (peek() != c) {
                throw error("expected '" + c + "' at offset " + pos);
            }
            pos++;
        }

        private char peek() throws NpyFormatException {
            if (pos >= s.length()) {
                throw error("the header dict ends early");
            }
            return s.charAt(pos);
        }

        private void skipSpace() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\n' || s.charAt(pos) == '\t'
                    || s.charAt(pos) == '\r')) {
                pos++;
            }
        }

        private NpyFormatException error(String problem) {
            return new NpyFormatException(file, "malformed header: " + problem);
        }
    }
}
