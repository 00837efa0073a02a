package latentlab.io.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0 of {@code numpy.lib.format}, NEP 1) holding
 * float32, int32, uint8 or unicode-string arrays of any shape, in C or Fortran order and either byte order.
 *
 * <p>Strict: the magic, the version, the header dict (see {@link NpyHeader#parse}) and the data length must all be
 * right, and nothing may follow the data. Every problem is an {@link NpyFormatException} naming the file and what
 * is wrong. Nothing is allocated from an unchecked length.
 *
 * @see <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>
 */
public final class NpyReader {
    private NpyReader() {
    }

    /** Reads the array in {@code file}. */
    public static NpyArray read(Path file) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Preamble p = readPreamble(in, name);
            NpyHeader h = p.header();
            long expected = NpyArray.elementCount(h.shape()) * h.itemSize();
            long available = size - p.bytes();
            if (available < expected) {
                throw new NpyFormatException(name + ": truncated: " + h.descr() + " " + NpyArray.shapeString(h.shape())
                        + " needs " + expected + " data bytes, the file has " + available);
            }
            return readData(in, h, name);
        }
    }

    /**
     * Reads one array from {@code in} (which must end right after it, as an entry of an {@code .npz} does);
     * {@code name} is used in messages. The stream is not closed.
     */
    public static NpyArray read(InputStream in, String name) throws IOException {
        return readData(in, readHeader(in, name), name);
    }

    /** Reads and checks magic, version and header dict, leaving {@code in} at the first data byte. */
    public static NpyHeader readHeader(InputStream in, String name) throws IOException {
        return readPreamble(in, name).header();
    }

    /** The header and the number of bytes before the data. */
    private record Preamble(NpyHeader header, long bytes) {
    }

    private static Preamble readPreamble(InputStream in, String name) throws IOException {
        byte[] start = in.readNBytes(8);
        if (start.length < 8 || !startsWithMagic(start)) {
            throw new NpyFormatException(name + ": not an npy file (it does not start with \\x93NUMPY)");
        }
        int major = start[6] & 0xFF;
        int minor = start[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw new NpyFormatException(name + ": unsupported npy format version " + major + "." + minor
                    + " (Latent Lab reads 1.0, 2.0 and 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] len = in.readNBytes(lengthBytes);
        if (len.length < lengthBytes) {
            throw new NpyFormatException(name + ": truncated npy header");
        }
        long headerLength = 0;
        for (int i = lengthBytes - 1; i >= 0; i--) {
            headerLength = (headerLength << 8) | (len[i] & 0xFF);
        }
        if (headerLength > NpyHeader.MAX_HEADER_BYTES) {
            throw new NpyFormatException(name + ": npy header claims " + headerLength + " bytes; refusing more than "
                    + NpyHeader.MAX_HEADER_BYTES);
        }
        byte[] header = in.readNBytes((int) headerLength);
        if (header.length < headerLength) {
            throw new NpyFormatException(name + ": truncated npy header (" + header.length + " of " + headerLength
                    + " bytes)");
        }
        // Versions 1.0 and 2.0 store the header in latin-1, 3.0 in UTF-8 (NEP 1 and numpy.lib.format).
        String text = new String(header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return new Preamble(NpyHeader.parse(text, name), 8 + lengthBytes + headerLength);
    }

    private static boolean startsWithMagic(byte[] b) {
        for (int i = 0; i < NpyHeader.MAGIC.length; i++) {
            if (b[i] != NpyHeader.MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static NpyArray readData(InputStream in, NpyHeader h, String name) throws IOException {
        int n = (int) NpyArray.elementCount(h.shape());
        long bytes = (long) n * h.itemSize();
        if (bytes > NpyArray.MAX_ELEMENTS) {
            throw new NpyFormatException(name + ": " + h.descr() + " " + NpyArray.shapeString(h.shape())
                    + " is too large to read (" + bytes + " bytes)");
        }
        // readNBytes grows its buffer as data arrives, so a header that lies about the size cannot make us
        // allocate more than the stream really holds.
        byte[] raw = in.readNBytes((int) bytes);
        if (raw.length < bytes) {
            throw new NpyFormatException(name + ": truncated: " + h.descr() + " " + NpyArray.shapeString(h.shape())
                    + " needs " + bytes + " data bytes, the file has " + raw.length);
        }
        if (in.read() != -1) {
            throw new NpyFormatException(name + ": unexpected bytes after the " + bytes + " data bytes of "
                    + h.descr() + " " + NpyArray.shapeString(h.shape()));
        }
        if (h.fortranOrder() && h.shape().length > 1) {
            raw = fortranToC(raw, h.shape(), h.itemSize());
        }
        ByteBuffer buf = ByteBuffer.wrap(raw).order(h.byteOrder());
        int[] shape = h.shape();
        return switch (h.type()) {
            case FLOAT32 -> {
                float[] v = new float[n];
                buf.asFloatBuffer().get(v);
                yield NpyArray.floats(v, shape);
            }
            case INT32 -> {
                int[] v = new int[n];
                buf.asIntBuffer().get(v);
                yield NpyArray.ints(v, shape);
            }
            case UINT8 -> NpyArray.uint8(raw, shape);
            case UNICODE -> NpyArray.stringsOfLength(strings(buf, n, h.stringLength(), name), h.stringLength(), shape);
        };
    }

    /** Fixed-width UTF-32 strings; NumPy drops trailing NULs, and so do we. */
    private static String[] strings(ByteBuffer buf, int n, int width, String name) throws NpyFormatException {
        String[] out = new String[n];
        int[] cps = new int[width];
        for (int i = 0; i < n; i++) {
            int len = 0;
            for (int j = 0; j < width; j++) {
                int cp = buf.getInt();
                if (cp < 0 || cp > Character.MAX_CODE_POINT || (cp >= Character.MIN_SURROGATE
                        && cp <= Character.MAX_SURROGATE)) {
                    throw new NpyFormatException(name + ": string element " + i + " holds an invalid code point 0x"
                            + Integer.toHexString(cp));
                }
                cps[j] = cp;
                if (cp != 0) {
                    len = j + 1;
                }
            }
            out[i] = new String(cps, 0, len);
        }
        return out;
    }

    /** Reorders items stored column-major (first index fastest) into row-major order (last index fastest). */
    private static byte[] fortranToC(byte[] raw, int[] shape, int itemSize) {
        byte[] out = new byte[raw.length];
        int rank = shape.length;
        int[] fStride = new int[rank];
        int s = 1;
        for (int d = 0; d < rank; d++) {
            fStride[d] = s;
            s *= shape[d];
        }
        int n = raw.length / Math.max(1, itemSize);
        int[] idx = new int[rank];
        int src = 0;
        for (int c = 0; c < n; c++) {
            System.arraycopy(raw, src * itemSize, out, c * itemSize, itemSize);
            // Advance the C-order multi-index (last dimension fastest) and keep the Fortran offset in step.
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                src += fStride[d];
                if (idx[d] < shape[d]) {
                    break;
                }
                src -= fStride[d] * shape[d];
                idx[d] = 0;
            }
        }
        return out;
    }
}
