package latentlab.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Strict reader for IDX files, plain or gzip-compressed (detected from the first two bytes, never from the name).
 *
 * <p>Format (LeCun, Cortes, Burges, "The MNIST database of handwritten digits"): a big-endian magic number
 * {@code 0x00 0x00 type rank}, then {@code rank} big-endian 32-bit dimensions, then the elements in row-major
 * order, big-endian. Every deviation is an {@link IdxFormatException} naming the file and the problem:
 * wrong magic, unknown type, a zero, negative or overflowing dimension, a file shorter than its header
 * promises, or bytes after the last element.
 *
 * <p>Nothing is allocated from a header that has not been checked against the file: a plain file's size must
 * match exactly, and a gzip file cannot expand more than {@value #MAX_GZIP_RATIO} times (deflate's limit), so a
 * 20-byte file claiming 2^31 elements fails at once.
 */
public final class IdxReader {
    /** Deflate cannot expand data by more than about 1032:1. */
    static final long MAX_GZIP_RATIO = 1032;
    /** Java arrays hold at most about 2^31 - 8 elements. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int BUFFER = 1 << 16;

    private IdxReader() {
    }

    /** Reads a whole IDX file. */
    public static IdxArray read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads a whole IDX file, reporting the bytes read so far.
     *
     * @param progress receives the number of (uncompressed) data bytes read so far and the total; may be null
     */
    public static IdxArray read(Path file, ByteProgress progress) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        long fileSize;
        try {
            fileSize = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "file not found");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1F && b1 == 0x8B;
            if (gzip) {
                try (InputStream in = new GZIPInputStream(raw, BUFFER)) {
                    return parse(in, name, fileSize, true, progress);
                } catch (ZipException e) {
                    throw new IdxFormatException(name + ": corrupt gzip data (" + e.getMessage() + ")", e);
                }
            }
            return parse(raw, name, fileSize, false, progress);
        }
    }

    /** Receives progress while a file is read. */
    @FunctionalInterface
    public interface ByteProgress {
        void bytesRead(long done, long total);
    }

    private static IdxArray parse(InputStream in, String name, long fileSize, boolean gzip, ByteProgress progress)
            throws IOException {
        byte[] magic = new byte[4];
        int got = readFully(in, magic, 0, 4, name, gzip);
        if (got < 4) {
            throw new IdxFormatException(name + ": not an IDX file: only " + got + " bytes, the magic number needs 4");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IdxFormatException(String.format(
                    "%s: not an IDX file: magic number starts with 0x%02X%02X, expected 0x0000",
                    name, magic[0] & 0xFF, magic[1] & 0xFF));
        }
        IdxType type = IdxType.forCode(magic[2] & 0xFF);
        if (type == null) {
            throw new IdxFormatException(String.format(
                    "%s: unknown IDX element type code 0x%02X (known: 08, 09, 0B, 0C, 0D, 0E)", name, magic[2] & 0xFF));
        }
        int rank = magic[3] & 0xFF;
        if (rank == 0) {
            throw new IdxFormatException(name + ": IDX header declares 0 dimensions");
        }
        byte[] dimBytes = new byte[4 * rank];
        got = readFully(in, dimBytes, 0, dimBytes.length, name, gzip);
        if (got < dimBytes.length) {
            throw new IdxFormatException(name + ": truncated header: " + rank + " dimensions need "
                    + dimBytes.length + " bytes, the file has " + got);
        }
        ByteBuffer dims = ByteBuffer.wrap(dimBytes).order(ByteOrder.BIG_ENDIAN);
        int[] shape = new int[rank];
        long elements = 1;
        for (int i = 0; i < rank; i++) {
            long d = dims.getInt() & 0xFFFFFFFFL;
            if (d == 0) {
                throw new IdxFormatException(name + ": dimension " + (i + 1) + " of " + rank + " is 0");
            }
            if (d > MAX_ELEMENTS || elements * d > MAX_ELEMENTS) {
                throw new IdxFormatException(name + ": dimensions overflow: " + describe(dims, rank)
                        + " is more than " + MAX_ELEMENTS + " elements");
            }
            shape[i] = (int) d;
            elements *= d;
        }
        long dataBytes = elements * type.bytes();
        if (dataBytes > MAX_ELEMENTS) {
            throw new IdxFormatException(name + ": " + elements + " elements of " + type + " need "
                    + dataBytes + " bytes, more than one array can hold");
        }
        long headerBytes = 4L + 4L * rank;
        if (!gzip && fileSize != headerBytes + dataBytes) {
            if (fileSize < headerBytes + dataBytes) {
                throw new IdxFormatException(name + ": truncated: the header promises " + dataBytes
                        + " data bytes (shape " + java.util.Arrays.toString(shape) + ", " + type + ") but the file has only "
                        + (fileSize - headerBytes));
            }
            throw new IdxFormatException(name + ": " + (fileSize - headerBytes - dataBytes)
                    + " unexpected trailing bytes after the " + dataBytes + " data bytes the header promises");
        }
        if (gzip && dataBytes > fileSize * MAX_GZIP_RATIO) {
            throw new IdxFormatException(name + ": truncated or corrupt: the header promises " + dataBytes
                    + " data bytes, more than a " + fileSize + "-byte gzip file can hold");
        }
        byte[] bytes = new byte[(int) dataBytes];
        int chunk = 1 << 20;
        int done = 0;
        while (done < bytes.length) {
            int want = Math.min(chunk, bytes.length - done);
            int n = readFully(in, bytes, done, want, name, gzip);
            done += n;
            if (n < want) {
                throw new IdxFormatException(name + ": truncated: the header promises " + dataBytes
                        + " data bytes (shape " + java.util.Arrays.toString(shape) + ", " + type
                        + ") but the file ends after " + done);
            }
            if (progress != null) {
                progress.bytesRead(done, bytes.length);
            }
        }
        int extra;
        try {
            extra = in.read();
        } catch (EOFException e) {
            throw new IdxFormatException(name + ": truncated gzip stream after the data (" + e.getMessage() + ")", e);
        }
        if (extra != -1) {
            throw new IdxFormatException(name + ": unexpected trailing bytes after the " + dataBytes
                    + " data bytes the header promises");
        }
        return new IdxArray(type, shape, decode(type, bytes));
    }

    private static String describe(ByteBuffer dims, int rank) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rank; i++) {
            if (i > 0) {
                sb.append(" x ");
            }
            sb.append(dims.getInt(4 * i) & 0xFFFFFFFFL);
        }
        return sb.toString();
    }

    /** Reads up to {@code len} bytes, stopping only at end of stream; returns the count read. */
    private static int readFully(InputStream in, byte[] b, int off, int len, String name, boolean gzip)
            throws IOException {
        int total = 0;
        while (total < len) {
            int n;
            try {
                n = in.read(b, off + total, len - total);
            } catch (EOFException e) {
                if (!gzip) {
                    throw e;
                }
                // GZIPInputStream reports a cut-off deflate stream as EOFException: the file is truncated.
                return total;
            }
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static Object decode(IdxType type, byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        switch (type) {
            case UNSIGNED_BYTE:
            case SIGNED_BYTE:
                return bytes;
            case SHORT: {
                short[] a = new short[bytes.length / 2];
                buf.asShortBuffer().get(a);
                return a;
            }
            case INT: {
                int[] a = new int[bytes.length / 4];
                buf.asIntBuffer().get(a);
                return a;
            }
            case FLOAT: {
                float[] a = new float[bytes.length / 4];
                buf.asFloatBuffer().get(a);
                return a;
            }
            case DOUBLE: {
                double[] a = new double[bytes.length / 8];
                buf.asDoubleBuffer().get(a);
                return a;
            }
            default:
                throw new AssertionError(type);
        }
    }
}
