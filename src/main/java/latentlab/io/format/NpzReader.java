package latentlab.io.format;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads a NumPy {@code .npz} archive (as written by {@code numpy.savez}, {@code numpy.savez_compressed} or
 * {@link NpzWriter}): every {@code <name>.npy} entry, read strictly by {@link NpyReader}. Entries that are not
 * {@code .npy} files are ignored, as {@code numpy.load} does.
 */
public final class NpzReader {
    private NpzReader() {
    }

    /**
     * The arrays of {@code file} by name (the entry name without {@code .npy}), in archive order.
     *
     * @throws NpyFormatException naming the file (and the entry) if it is not a ZIP archive or an entry is malformed
     */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Map<String, NpyArray> out = new LinkedHashMap<>();
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new NpyFormatException(name + ": not an npz file (not a ZIP archive: " + e.getMessage() + ")", e);
        }
        try (zip) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || !e.getName().endsWith(".npy")) {
                    continue;
                }
                String key = e.getName().substring(0, e.getName().length() - 4);
                try (InputStream in = zip.getInputStream(e)) {
                    if (out.put(key, NpyReader.read(in, name + " (" + e.getName() + ")")) != null) {
                        throw new NpyFormatException(name + ": the entry " + e.getName() + " appears twice");
                    }
                } catch (ZipException ex) {
                    throw new NpyFormatException(name + " (" + e.getName() + "): corrupt entry: " + ex.getMessage(), ex);
                }
            }
        }
        return out;
    }

    /**
     * The arrays of an archive read from {@code in} (a resource, a download), by name, in archive order.
     *
     * @param name what the messages call the archive
     * @throws NpyFormatException naming the archive (and the entry) if an entry is malformed or appears twice
     */
    public static Map<String, NpyArray> read(InputStream in, String name) throws IOException {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        try {
            for (ZipEntry e = next(zip, name); e != null; e = next(zip, name)) {
                if (e.isDirectory() || !e.getName().endsWith(".npy")) {
                    continue;
                }
                String key = e.getName().substring(0, e.getName().length() - 4);
                if (out.put(key, NpyReader.read(zip, name + " (" + e.getName() + ")")) != null) {
                    throw new NpyFormatException(name + ": the entry " + e.getName() + " appears twice");
                }
            }
        } catch (ZipException ex) {
            throw new NpyFormatException(name + ": not an npz file or a corrupt entry: " + ex.getMessage(), ex);
        } catch (EOFException ex) {
            throw new NpyFormatException(name + ": the archive ends in the middle of an entry", ex);
        }
        return out;
    }

    private static ZipEntry next(ZipInputStream zip, String name) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            // ZipInputStream's way of saying that an entry's name is not in the archive's character set.
            throw new NpyFormatException(name + ": an entry's name is not readable: " + e.getMessage(), e);
        }
    }
}
