package latentlab.io.export;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import latentlab.io.format.NpyArray;

/**
 * Keeps the frames of an animation (for example the latent map, captured while training runs) compactly in memory
 * until they are written with {@link GifWriter} or {@link PngSequenceWriter}.
 *
 * <p>Raw frames are large (a 1000 x 700 view is 2.8 MB of ARGB, so a few hundred frames would fill the heap), but a
 * plot on a white page deflates to a few percent of that. Each frame is compressed on its own, so
 * {@link #frames()} can decode any one of them when a writer asks for it. Thread-safe: frames may be added on one
 * thread while another writes an earlier snapshot of the list.
 */
public final class FrameRecorder {
    private final int width;
    private final int height;
    private final List<byte[]> frames = new ArrayList<>();
    private long compressedBytes;

    /** Records frames of {@code width x height} ARGB pixels. */
    public FrameRecorder(int width, int height) {
        if (width < 1 || height < 1 || (long) width * height * 4 > NpyArray.MAX_ELEMENTS) {
            throw new IllegalArgumentException("frames of " + width + " x " + height + " pixels cannot be recorded");
        }
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * Adds a frame ({@code width x height} ARGB pixels, row-major; copied). Compressing costs a few milliseconds
     * for a large view, so call it off the UI thread if frames come often.
     */
    public void add(int[] argb) {
        if (argb.length != width * height) {
            throw new IllegalArgumentException("a frame of " + argb.length + " pixels does not fit " + width + " x "
                    + height + " (frames of an animation all have the same size)");
        }
        ByteBuffer raw = ByteBuffer.allocate(argb.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asIntBuffer().put(argb);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw.array());
            deflater.finish();
            byte[] buf = new byte[Math.max(1024, raw.capacity() / 8)];
            ByteArrayOutputStream out = new ByteArrayOutputStream(buf.length);
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
            byte[] packed = out.toByteArray();
            synchronized (this) {
                frames.add(packed);
                compressedBytes += packed.length;
            }
        } finally {
            deflater.end();
        }
    }

    /**
     * Adds a frame of {@code w x h} pixels, scaled to the recording's size first if it differs (the map was resized
     * or its legend moved while recording: every frame of an animation must have one size).
     */
    public void add(int[] argb, int w, int h) {
        add(w == width && h == height ? argb : scaled(argb, w, h, width, height));
    }

    /** Nearest-neighbour scaling of a {@code w x h} ARGB image to {@code tw x th}. */
    static int[] scaled(int[] argb, int w, int h, int tw, int th) {
        if (w < 1 || h < 1 || argb.length != w * h) {
            throw new IllegalArgumentException("a frame of " + w + " x " + h + " needs " + w * h + " pixels, got "
                    + argb.length);
        }
        int[] out = new int[tw * th];
        for (int y = 0; y < th; y++) {
            int sy = (int) ((long) y * h / th);
            for (int x = 0; x < tw; x++) {
                out[y * tw + x] = argb[sy * w + (int) ((long) x * w / tw)];
            }
        }
        return out;
    }

    /** Number of frames recorded. */
    public synchronized int size() {
        return frames.size();
    }

    /** Memory the compressed frames take. */
    public synchronized long compressedBytes() {
        return compressedBytes;
    }

    /** Forgets all frames. */
    public synchronized void clear() {
        frames.clear();
        compressedBytes = 0;
    }

    /**
     * The frames recorded so far, as an unmodifiable list that decodes a frame each time it is read; frames added
     * later do not appear in it.
     */
    public List<int[]> frames() {
        List<byte[]> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(frames);
        }
        int pixels = width * height;
        return new AbstractList<>() {
            @Override
            public int[] get(int index) {
                return decode(snapshot.get(index), pixels);
            }

            @Override
            public int size() {
                return snapshot.size();
            }
        };
    }

    private static int[] decode(byte[] packed, int pixels) {
        byte[] raw = new byte[pixels * 4];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed);
            int n = 0;
            while (n < raw.length && !inflater.finished()) {
                int got = inflater.inflate(raw, n, raw.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n != raw.length) {
                throw new IllegalStateException("a recorded frame decoded to " + n + " bytes instead of " + raw.length);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("a recorded frame is corrupt", e);
        } finally {
            inflater.end();
        }
        int[] argb = new int[pixels];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(argb);
        return argb;
    }
}
