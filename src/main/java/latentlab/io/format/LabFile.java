package latentlab.io.format;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

import latentlab.compute.HeapBudget;
import latentlab.data.InputFile;

/**
 * The container of Latent Lab's model and lesson files: named binary sections behind a magic number and a format
 * version, closed by a checksum. Unknown sections are skipped, so newer files stay readable where possible.
 * <pre>
 * "LLAB"  u16 format version  u16 section count
 * per section: u16 name length, name (UTF-8), u32 length, bytes
 * u32 CRC-32 of everything before it
 * </pre>
 * All numbers are big-endian. Writing is atomic: the file is written beside the target under a temporary name,
 * forced to disk, then renamed over the target, so a crash leaves either the old file or the new one.
 */
public final class LabFile {
    /** The format version this code writes (and the newest it reads). */
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = {'L', 'L', 'A', 'B'};
    /** Arrays from a section larger than this are first checked against the heap. */
    private static final long LARGE_ARRAY = 1 << 20;
    /** Files larger than this are refused before reading (models are far smaller). */
    static final long MAX_FILE_BYTES = 1L << 30;

    private LabFile() {
    }

    /** Writes {@code sections} to {@code target} atomically. */
    public static void write(Path target, Map<String, byte[]> sections) throws IOException {
        write(target, sections, Long.MAX_VALUE);
    }

    /** Same, failing with an IOException after {@code failAfter} bytes (to test crash safety). */
    public static void write(Path target, Map<String, byte[]> sections, long failAfter) throws IOException {
        AtomicFile.writeBytes(target, ch -> {
            CRC32 crc = new CRC32();
            OutputStream raw = new FailingStream(Channels.newOutputStream(ch), failAfter);
            DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(
                    new java.util.zip.CheckedOutputStream(raw, crc), 1 << 16));
            out.write(MAGIC);
            out.writeShort(FORMAT_VERSION);
            out.writeShort(sections.size());
            for (Map.Entry<String, byte[]> e : sections.entrySet()) {
                byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeShort(name.length);
                out.write(name);
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
            out.flush();
            new DataOutputStream(raw).writeInt((int) crc.getValue());
            raw.flush();
        });
    }

    /**
     * Reads and checks a file: size, magic, checksum, version and section table.
     *
     * @throws LabFileException naming the file and what is wrong with it
     */
    public static Map<String, byte[]> read(Path file) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new LabFileException(file + " is a folder, not a Latent Lab file");
        }
        long size = InputFile.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new LabFileException(name + ": " + size + " bytes is too large for a Latent Lab file");
        }
        // The bytes, then a copy of each section: twice the file.
        HeapBudget.require(2 * size, "reading " + name);
        byte[] all = HeapBudget.newBytes((int) size, "reading " + name);
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(all, 0, all.length);
            if (n < all.length) {
                all = Arrays.copyOf(all, n); // it shrank: the checksum will say the rest is missing
            }
            if (in.read() != -1) {
                throw new LabFileException(name + ": the file grew while it was read; try again");
            }
        }
        return read(all, name);
    }

    /** Checks and splits the bytes of a file called {@code name} (e.g. a bundled resource). */
    public static Map<String, byte[]> read(byte[] all, String name) throws LabFileException {
        if (all.length < 12 || !startsWithMagic(all)) {
            throw new LabFileException(name + ": not a Latent Lab file (it does not start with LLAB)");
        }
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.BIG_ENDIAN);
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 4);
        int stored = buf.getInt(all.length - 4);
        int version = buf.getShort(4) & 0xFFFF;
        if ((int) crc.getValue() != stored) {
            throw new LabFileException(name + ": the file is corrupt or truncated (checksum mismatch)");
        }
        if (version > FORMAT_VERSION) {
            throw new LabFileException(name + ": made by a newer Latent Lab (file format " + version
                    + ", this version reads up to " + FORMAT_VERSION + ")");
        }
        if (version < 1) {
            throw new LabFileException(name + ": unknown file format version " + version);
        }
        int count = buf.getShort(6) & 0xFFFF;
        buf.position(8);
        buf.limit(all.length - 4);
        Map<String, byte[]> sections = new LinkedHashMap<>();
        try {
            for (int i = 0; i < count; i++) {
                int nameLength = buf.getShort() & 0xFFFF;
                byte[] n = new byte[checkLength(nameLength, buf, name)];
                buf.get(n);
                String section = new String(n, StandardCharsets.UTF_8);
                int length = buf.getInt();
                // A section may be most of the file: in a fragmented heap its copy can fail even after the
                // check of the whole, and must then be a refusal, not an OutOfMemoryError.
                byte[] body = HeapBudget.newBytes(checkLength(length, buf, name), "reading " + name);
                buf.get(body);
                if (sections.put(section, body) != null) {
                    throw new LabFileException(name + ": section '" + section + "' appears twice");
                }
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new LabFileException(name + ": the section table is truncated", e);
        }
        if (buf.hasRemaining()) {
            throw new LabFileException(name + ": " + buf.remaining() + " unexpected bytes after the last section");
        }
        return sections;
    }

    private static int checkLength(int length, ByteBuffer buf, String name) throws LabFileException {
        if (length < 0 || length > buf.remaining()) {
            throw new LabFileException(name + ": a section claims " + (length & 0xFFFFFFFFL) + " bytes but only "
                    + buf.remaining() + " remain");
        }
        return length;
    }

    private static boolean startsWithMagic(byte[] b) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether a file starts with the Latent Lab magic number (cheap check for file pickers). */
    public static boolean looksLikeLabFile(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && startsWithMagic(head);
        } catch (IOException e) {
            return false;
        }
    }

    /** Serialises a section body with a few typed writers. */
    public static final class SectionWriter {
        private final SectionBody bytes;
        private final DataOutputStream out;

        public SectionWriter() {
            this(32);
        }

        /** For a body of exactly {@code capacity} bytes, handed over without a copy (a history is held once). */
        public SectionWriter(int capacity) {
            bytes = new SectionBody(capacity);
            out = new DataOutputStream(bytes);
        }


        public SectionWriter putInt(int v) {
            try {
                out.writeInt(v);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return this;
        }

        public SectionWriter putLong(long v) {
            try {
                out.writeLong(v);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return this;
        }

        public SectionWriter putDouble(double v) {
            try {
                out.writeDouble(v);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return this;
        }

        public SectionWriter putBoolean(boolean v) {
            return putInt(v ? 1 : 0);
        }

        public SectionWriter putString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            putInt(b.length);
            bytes.writeBytes(b);
            return this;
        }

        /** Length, then the floats. */
        public SectionWriter putFloats(float[] a) {
            putInt(a.length);
            ByteBuffer b = ByteBuffer.allocate(a.length * 4).order(ByteOrder.BIG_ENDIAN);
            b.asFloatBuffer().put(a);
            bytes.writeBytes(b.array());
            return this;
        }

        public SectionWriter putDoubles(double[] a) {
            putInt(a.length);
            ByteBuffer b = ByteBuffer.allocate(a.length * 8).order(ByteOrder.BIG_ENDIAN);
            b.asDoubleBuffer().put(a);
            bytes.writeBytes(b.array());
            return this;
        }

        public SectionWriter putInts(int[] a) {
            putInt(a.length);
            ByteBuffer b = ByteBuffer.allocate(a.length * 4).order(ByteOrder.BIG_ENDIAN);
            b.asIntBuffer().put(a);
            bytes.writeBytes(b.array());
            return this;
        }

        /** Length, then the bytes. */
        public SectionWriter putBytes(byte[] a) {
            putInt(a.length);
            bytes.writeBytes(a);
            return this;
        }

        public SectionWriter putLongs(long[] a) {
            putInt(a.length);
            ByteBuffer b = ByteBuffer.allocate(a.length * 8).order(ByteOrder.BIG_ENDIAN);
            b.asLongBuffer().put(a);
            bytes.writeBytes(b.array());
            return this;
        }

        /** The body written; the writer is done with it (nothing may be written after). */
        public byte[] toByteArray() {
            return bytes.take();
        }
    }

    /** Reads a section body written by {@link SectionWriter}, checking every length against what remains. */
    public static final class SectionReader {
        private final ByteBuffer buf;
        private final String where;

        public SectionReader(byte[] body, String where) {
            this.buf = ByteBuffer.wrap(body).order(ByteOrder.BIG_ENDIAN);
            this.where = where;
        }

        private void need(long bytes) throws LabFileException {
            if (bytes < 0 || bytes > buf.remaining()) {
                throw new LabFileException(where + " is truncated or corrupt (needs " + bytes + " more bytes, has "
                        + buf.remaining() + ")");
            }
            if (bytes > LARGE_ARRAY) {
                HeapBudget.require(bytes, "reading " + where);
            }
        }

        public int getInt() throws LabFileException {
            need(4);
            return buf.getInt();
        }

        public long getLong() throws LabFileException {
            need(8);
            return buf.getLong();
        }

        public double getDouble() throws LabFileException {
            need(8);
            return buf.getDouble();
        }

        public boolean getBoolean() throws LabFileException {
            return getInt() != 0;
        }

        public String getString() throws LabFileException {
            int n = getInt();
            need(n);
            byte[] b = new byte[n];
            buf.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        public float[] getFloats() throws LabFileException {
            int n = getInt();
            need(4L * n);
            float[] a = new float[n];
            buf.asFloatBuffer().get(a);
            buf.position(buf.position() + 4 * n);
            return a;
        }

        public double[] getDoubles() throws LabFileException {
            int n = getInt();
            need(8L * n);
            double[] a = new double[n];
            buf.asDoubleBuffer().get(a);
            buf.position(buf.position() + 8 * n);
            return a;
        }

        public int[] getInts() throws LabFileException {
            int n = getInt();
            need(4L * n);
            int[] a = new int[n];
            buf.asIntBuffer().get(a);
            buf.position(buf.position() + 4 * n);
            return a;
        }

        public byte[] getBytes() throws LabFileException {
            int n = getInt();
            need(n);
            byte[] a = new byte[n];
            buf.get(a);
            return a;
        }

        public long[] getLongs() throws LabFileException {
            int n = getInt();
            need(8L * n);
            long[] a = new long[n];
            buf.asLongBuffer().get(a);
            buf.position(buf.position() + 8 * n);
            return a;
        }

        /** Throws if bytes are left over (a section must be read completely). */
        public void end() throws LabFileException {
            if (buf.hasRemaining()) {
                throw new LabFileException(where + " has " + buf.remaining() + " unexpected trailing bytes");
            }
        }
    }

    /** An output stream that fails after a number of bytes, standing in for a crash or a full disk in tests. */
    private static final class FailingStream extends java.io.FilterOutputStream {
        private long left;

        FailingStream(OutputStream out, long failAfter) {
            super(out);
            this.left = failAfter;
        }

        @Override
        public void write(int b) throws IOException {
            if (--left < 0) {
                throw new IOException("write failed (simulated)");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (left < len) {
                throw new IOException("write failed (simulated)");
            }
            left -= len;
            out.write(b, off, len);
        }
    }
}
