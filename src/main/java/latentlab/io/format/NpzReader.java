package latentlab.io.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

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
}
