package latentlab.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import latentlab.compute.HeapBudget;

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
 * 20-byte file claiming 2^31 elements fails at once. Within that limit gzip data is read into a buffer that grows
 * as the data arrive (never to the header's claim up front), and every large allocation is first checked against
 * the heap ({@link HeapBudget}). Gzip data are read strictly ({@link GzipInput}): a file cut short, a damaged
 * stream and bytes after its end are each named. Only regular files are opened ({@link InputFile}).
 */
public final class IdxReader {
    /** Deflate cannot expand data by more than about 1032:1. */
    static final long MAX_GZIP_RATIO = 1032;
    /** Java arrays hold at most about 2^31 - 8 elements. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int BUFFER = 1 << 16;
    /** Bytes read per call (and between progress reports). */
    private static final int CHUNK = 1 << 20;
    /**
     * The first buffer for gzip data holds this many times the compressed size (images compress 4-8 times; MNIST's
     * training images 4.7 times), so a typical file is read without growing the buffer.
     */
    private static final long GZIP_FIRST_GUESS = 16;

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
     * @throws java.nio.file.FileSystemException if {@code file} is missing, not a regular file or unreadable
     * @throws DataFileException                 naming the file and what is wrong with its content
     * @throws latentlab.compute.NotEnoughMemoryException if the heap cannot hold the data the file holds
     */
    public static IdxArray read(Path file, ByteProgress progress) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        long fileSize = InputFile.size(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (GzipInput.isGzip(b0, b1)) {
                try (InputStream in = new GzipInput(raw, name)) {
                    return parse(in, name, fileSize, true, progress);
                } catch (IdxFormatException e) {
                    throw e;
                } catch (DataFileException e) {
                    throw new IdxFormatException(e.getMessage(), e); // the gzip layer's: truncated, corrupt, trailing
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
        int got = in.readNBytes(magic, 0, 4);
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
        got = in.readNBytes(dimBytes, 0, dimBytes.length);
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
                        + " data bytes (" + shapeText(shape, type) + ") but the file has only " + (fileSize - headerBytes));
            }
            throw new IdxFormatException(name + ": " + (fileSize - headerBytes - dataBytes)
                    + " unexpected trailing bytes after the " + dataBytes + " data bytes the header promises");
        }
        if (gzip && dataBytes > fileSize * MAX_GZIP_RATIO) {
            throw new IdxFormatException(name + ": truncated or corrupt: the header promises " + dataBytes
                    + " data bytes, more than a " + fileSize + "-byte gzip file can hold");
        }
        // A plain file's size was checked against the header; gzip data is taken as it arrives, in a buffer that
        // grows with it, so a header that claims more than the file holds costs nothing before it is found out.
        int size = (int) (gzip ? Math.min(dataBytes, fileSize * GZIP_FIRST_GUESS + BUFFER) : dataBytes);
        byte[] bytes = HeapBudget.newBytes(size, "reading " + name);
        int done = 0;
        while (done < dataBytes) {
            if (done == bytes.length) {
                long grown = Math.min(dataBytes, 2L * bytes.length);
                bytes = HeapBudget.copyOf(bytes, (int) grown, "reading " + name + " (" + shapeText(shape, type) + ")");
            }
            int want = Math.min(CHUNK, bytes.length - done);
            int n = in.readNBytes(bytes, done, want);
            done += n;
            if (n < want) {
                throw new IdxFormatException(name + ": truncated: the header promises " + dataBytes
                        + " data bytes (" + shapeText(shape, type) + ") but the " + (gzip ? "decompressed data end"
                        : "file ends") + " after " + done);
            }
            if (progress != null) {
                progress.bytesRead(done, dataBytes);
            }
        }
        if (in.read() != -1) {
            throw new IdxFormatException(name + ": unexpected trailing bytes after the " + dataBytes
                    + " data bytes the header promises");
        }
        return new IdxArray(type, shape, decode(type, bytes, name));
    }

    private static String shapeText(int[] shape, IdxType type) {
        return "shape " + Arrays.toString(shape) + ", " + type;
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

    private static Object decode(IdxType type, byte[] bytes, String name) {
        if (type.bytes() > 1) {
            HeapBudget.require(bytes.length, "decoding the " + type + " elements of " + name);
        }
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
