package latentlab.io.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.function.LongConsumer;

import latentlab.compute.Progress;

/**
 * Writes NumPy {@code .npy} files, format version 1.0 of {@code numpy.lib.format} (NEP 1): the magic string
 * {@code \x93NUMPY}, version bytes 1 and 0, a little-endian 16-bit header length, the header dict
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (n, k), }} padded with spaces and a newline so that the
 * data starts at a multiple of 64 bytes, then the elements in C order, little-endian. See {@link NpyHeader}.
 *
 * <p>{@code numpy.load} reads the files back unchanged; so does {@link NpyReader}.
 *
 * @see <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>
 */
public final class NpyWriter {
    /** Bytes encoded per chunk; between chunks a cancelled export stops. */
    private static final int CHUNK_BYTES = 1 << 16;

    private NpyWriter() {
    }

    /** Writes {@code a} to {@code file} atomically: on failure the file that was there stays as it was. */
    public static void write(Path file, NpyArray a) throws IOException {
        write(file, a, Progress.NONE);
    }

    /** Same, reporting bytes written to {@code progress}; throws CancelledException (old file kept) if cancelled. */
    public static void write(Path file, NpyArray a, Progress progress) throws IOException {
        long total = fileSize(a);
        String message = "Writing " + file.getFileName();
        long[] done = {0};
        AtomicFile.writeBytes(file, ch -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), CHUNK_BYTES);
            write(out, a, n -> {
                done[0] += n;
                progress.update(done[0], total, message);
                progress.checkCancelled();
            });
            out.flush();
        });
    }

    /** Writes the whole file (header and data) into {@code out}, which is neither flushed nor closed. */
    public static void write(OutputStream out, NpyArray a) throws IOException {
        write(out, a, n -> { });
    }

    /** The size of the file {@code a} makes: header plus data bytes. */
    public static long fileSize(NpyArray a) {
        return NpyHeader.of(a).encode().length + a.dataBytes();
    }

    /**
     * Writes header and data, telling {@code written} how many bytes each chunk added; {@code written} may throw
     * to stop (cancellation).
     */
    static void write(OutputStream out, NpyArray a, LongConsumer written) throws IOException {
        byte[] header = NpyHeader.of(a).encode();
        out.write(header);
        written.accept(header.length);
        ByteBuffer buf = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        switch (a.type()) {
            case FLOAT32 -> {
                float[] v = a.floats();
                for (int i = 0; i < v.length; ) {
                    int n = Math.min(v.length - i, CHUNK_BYTES / 4);
                    buf.clear();
                    buf.asFloatBuffer().put(v, i, n);
                    i += n;
                    flush(out, buf, n * 4, written);
                }
            }
            case INT32 -> {
                int[] v = a.ints();
                for (int i = 0; i < v.length; ) {
                    int n = Math.min(v.length - i, CHUNK_BYTES / 4);
                    buf.clear();
                    buf.asIntBuffer().put(v, i, n);
                    i += n;
                    flush(out, buf, n * 4, written);
                }
            }
            case UINT8 -> {
                byte[] v = a.bytes();
                for (int i = 0; i < v.length; i += CHUNK_BYTES) {
                    int n = Math.min(v.length - i, CHUNK_BYTES);
                    out.write(v, i, n);
                    written.accept(n);
                }
            }
            case UNICODE -> writeStrings(out, a, written);
        }
    }

    private static void flush(OutputStream out, ByteBuffer buf, int bytes, LongConsumer written) throws IOException {
        out.write(buf.array(), 0, bytes);
        written.accept(bytes);
    }

    /** Each string as {@code stringLength} UTF-32LE code points, padded with NULs (NumPy's fixed-width {@code U}). */
    private static void writeStrings(OutputStream out, NpyArray a, LongConsumer written) throws IOException {
        int width = a.stringLength();
        ByteBuffer item = ByteBuffer.allocate(4 * width).order(ByteOrder.LITTLE_ENDIAN);
        for (String s : a.strings()) {
            item.clear();
            s.codePoints().forEach(item::putInt);
            while (item.hasRemaining()) {
                item.putInt(0);
            }
            out.write(item.array());
            written.accept(item.capacity());
        }
    }
}
