package latentlab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests: valid ones of any type and rank, and deliberately broken ones. */
public final class IdxFixtures {
    private IdxFixtures() {
    }

    /** The bytes of an IDX file: magic, dimensions, then {@code data} as given (already big-endian). */
    public static byte[] idx(int typeCode, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 0).put((byte) 0).put((byte) typeCode).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    /** Unsigned-byte images {@code n x rows x cols} where pixel j of image i is {@code (i * 31 + j * 7) % 256}. */
    public static byte[] images(int n, int rows, int cols) {
        byte[] data = new byte[n * rows * cols];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < rows * cols; j++) {
                data[i * rows * cols + j] = (byte) ((i * 31 + j * 7) % 256);
            }
        }
        return idx(0x08, new int[] {n, rows, cols}, data);
    }

    /** Unsigned-byte labels {@code i % classes}. */
    public static byte[] labels(int n, int classes) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i % classes);
        }
        return idx(0x08, new int[] {n}, data);
    }

    public static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    public static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** A folder with the four standard files ({@code .gz} where {@code gz}), n train and m test images. */
    public static Path datasetFolder(Path dir, int nTrain, int nTest, int rows, int cols, boolean gz) throws IOException {
        Files.createDirectories(dir);
        String sfx = gz ? ".gz" : "";
        write(dir, "train-images-idx3-ubyte" + sfx, maybeGzip(images(nTrain, rows, cols), gz));
        write(dir, "train-labels-idx1-ubyte" + sfx, maybeGzip(labels(nTrain, 10), gz));
        write(dir, "t10k-images-idx3-ubyte" + sfx, maybeGzip(images(nTest, rows, cols), gz));
        write(dir, "t10k-labels-idx1-ubyte" + sfx, maybeGzip(labels(nTest, 10), gz));
        return dir;
    }

    private static byte[] maybeGzip(byte[] raw, boolean gz) throws IOException {
        return gz ? gzip(raw) : raw;
    }
}
