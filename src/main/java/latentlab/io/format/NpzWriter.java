package latentlab.io.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import latentlab.compute.Progress;

/**
 * Builds a NumPy {@code .npz} archive: a ZIP file with one {@code .npy} entry per array, named
 * {@code <name>.npy}, as {@code numpy.savez} (entries stored) and {@code numpy.savez_compressed} (entries deflated)
 * write it. In Python, {@code np.load("file.npz")["name"]} gives each array back.
 *
 * <pre>
 * new NpzWriter().add("codes", NpyArray.floats(codes, n, k)).add("labels", NpyArray.uint8(labels, n))
 *         .write(file, progress);
 * </pre>
 *
 * @see <a href="https://numpy.org/doc/stable/reference/generated/numpy.savez.html">numpy.savez</a>
 */
public final class NpzWriter {
    private final Map<String, NpyArray> arrays = new LinkedHashMap<>();
    private boolean deflate;

    /** An empty archive whose entries will be stored uncompressed (like {@code numpy.savez}). */
    public NpzWriter() {
    }

    /**
     * Whether to deflate the entries (like {@code numpy.savez_compressed}): smaller for images and labels, slower,
     * and hardly smaller for trained float weights.
     */
    public NpzWriter compressed(boolean deflate) {
        this.deflate = deflate;
        return this;
    }

    /**
     * Adds an array under {@code name} (the key in Python).
     *
     * @throws IllegalArgumentException if the name is empty, contains a path separator, or is taken
     */
    public NpzWriter add(String name, NpyArray array) {
        if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\") || name.contains("\0")
                || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("'" + name + "' is not a valid npz array name");
        }
        if (arrays.containsKey(name)) {
            throw new IllegalArgumentException("the npz archive already has an array called '" + name + "'");
        }
        arrays.put(name, Objects.requireNonNull(array, "array"));
        return this;
    }

    /** The names added so far, in order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(arrays.keySet());
    }

    /** The array added under {@code name}, or null. */
    public NpyArray get(String name) {
        return arrays.get(name);
    }

    /** Writes the archive to {@code file} atomically. */
    public void write(Path file) throws IOException {
        write(file, Progress.NONE);
    }

    /**
     * Writes the archive to {@code file} atomically, reporting progress in bytes; if {@code progress} is cancelled
     * it throws CancelledException and the file that was there stays as it was.
     */
    public void write(Path file, Progress progress) throws IOException {
        long bytes = 0;
        for (NpyArray a : arrays.values()) {
            bytes += NpyWriter.fileSize(a);
        }
        // Stored entries need their CRC before their data, so each is encoded twice (checksum pass, then write).
        long total = deflate ? bytes : 2 * bytes;
        String message = "Writing " + file.getFileName();
        long[] done = {0};
        LongConsumer counter = n -> {
            done[0] += n;
            progress.update(done[0], total, message);
            progress.checkCancelled();
        };
        AtomicFile.writeBytes(file, ch -> {
            OutputStream raw = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            // The zip stream must not be closed: that would close the channel, which AtomicFile still forces.
            ZipOutputStream zip = new ZipOutputStream(raw);
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                if (deflate) {
                    entry.setMethod(ZipEntry.DEFLATED);
                } else {
                    CRC32 crc = new CRC32();
                    NpyWriter.write(new CheckedOutputStream(OutputStream.nullOutputStream(), crc), e.getValue(), counter);
                    long size = NpyWriter.fileSize(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(size);
                    entry.setCompressedSize(size);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                NpyWriter.write(zip, e.getValue(), counter);
                zip.closeEntry();
            }
            zip.finish();
            raw.flush();
        });
        progress.update(total, total, message);
    }
}
