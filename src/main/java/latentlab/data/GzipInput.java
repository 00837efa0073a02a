package latentlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses a gzip file strictly (RFC 1952, "GZIP file format specification version 4.3"). A file is one or more
 * members, each a header (magic {@code 1F 8B}, method 8 = deflate, flags, optional extra field, name, comment and
 * header CRC), raw deflate data (RFC 1951), then the CRC-32 and the length mod 2^32 of the member's uncompressed
 * bytes, little-endian. Both are checked; a second member is read on as a continuation (as gzip and zcat do).
 *
 * <p>The JDK's {@code GZIPInputStream} is not used because it ignores bytes after the last member that do not start
 * another one, and reports a file cut short as {@code EOFException("Unexpected end of ZLIB input stream")} (or with
 * no message at all in the trailer). Here both are a {@link DataFileException} saying what happened: the file ends
 * inside a header, inside the compressed data (after how many of its bytes) or inside the trailer, or goes on
 * after the end of its gzip data. The inflating itself is the JDK's {@link Inflater} (zlib).
 */
final class GzipInput extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED = 0xE0;
    /** Bytes after the end that are counted for the message; beyond this it says "more than". */
    private static final long MAX_COUNTED = 1 << 24;

    private final InputStream in;
    private final String name;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[1 << 16];
    /** Unread input is buffer[position, limit). */
    private int position;
    private int limit;
    /** Bytes taken from {@code in} so far. */
    private long fileBytes;
    private long memberBytes;
    private boolean ended;
    private final byte[] one = new byte[1];

    /**
     * @param in   the file's bytes, from the first (the magic number)
     * @param name the file's name, for messages
     */
    GzipInput(InputStream in, String name) throws IOException {
        this.in = in;
        this.name = name;
        readHeader();
    }

    /** Whether two first bytes are gzip's magic number. */
    static boolean isGzip(int b0, int b1) {
        return b0 == 0x1F && b1 == 0x8B;
    }

    @Override
    public int read() throws IOException {
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!ended) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new DataFileException(name + ": corrupt gzip data (" + e.getMessage() + ") after "
                        + format(consumed()) + " of its bytes");
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberBytes += n;
                return n;
            }
            if (inflater.finished()) {
                position = limit - inflater.getRemaining();
                inflater.reset();
                readTrailer();
                if (!nextMember()) {
                    ended = true;
                }
            } else if (inflater.needsDictionary()) {
                throw new DataFileException(name + ": corrupt gzip data (a deflate stream that needs a dictionary)");
            } else if (inflater.needsInput()) {
                if (!fill()) {
                    throw new DataFileException(name + ": truncated gzip file: it ends inside the compressed data, "
                            + "after " + format(fileBytes) + " bytes (" + format(memberBytes)
                            + " decompressed); the file was cut short");
                }
                inflater.setInput(buffer, position, limit - position);
                position = limit;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }

    /** Bytes of the file consumed so far (input the inflater holds but has not used does not count). */
    private long consumed() {
        return fileBytes - (limit - position) - inflater.getRemaining();
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        fileBytes += n;
        return true;
    }

    /** The next byte of the file, or -1 at its end. */
    private int next() throws IOException {
        return fill() ? buffer[position++] & 0xFF : -1;
    }

    private int headerByte(CRC32 headerCrc) throws IOException {
        int b = next();
        if (b < 0) {
            throw new DataFileException(name + ": truncated gzip file: it ends inside a gzip header, after "
                    + format(fileBytes) + " bytes; the file was cut short");
        }
        headerCrc.update(b);
        return b;
    }

    private void readHeader() throws IOException {
        CRC32 h = new CRC32();
        long start = consumed();
        int id1 = headerByte(h);
        int id2 = headerByte(h);
        if (!isGzip(id1, id2)) {
            throw new DataFileException(String.format(Locale.ROOT, "%s: not gzip data at byte %s (it starts "
                    + "with %02X %02X, gzip with 1F 8B)", name, format(start), id1, id2));
        }
        int method = headerByte(h);
        if (method != 8) {
            throw new DataFileException(name + ": gzip compression method " + method + " is not deflate (8)");
        }
        int flags = headerByte(h);
        if ((flags & RESERVED) != 0) {
            throw new DataFileException(String.format(Locale.ROOT, "%s: corrupt gzip header (reserved flag bits "
                    + "%02X are set)", name, flags & RESERVED));
        }
        for (int i = 0; i < 6; i++) {
            headerByte(h); // modification time, extra flags, operating system
        }
        if ((flags & FEXTRA) != 0) {
            int length = headerByte(h) | (headerByte(h) << 8);
            for (int i = 0; i < length; i++) {
                headerByte(h);
            }
        }
        if ((flags & FNAME) != 0) {
            while (headerByte(h) != 0) {
                // the original file name, zero-terminated
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (headerByte(h) != 0) {
                // a comment, zero-terminated
            }
        }
        if ((flags & FHCRC) != 0) {
            int expected = (int) (h.getValue() & 0xFFFF);
            int stored = headerByte(h) | (headerByte(h) << 8);
            if (stored != expected) {
                throw new DataFileException(name + ": corrupt gzip header (its checksum does not match)");
            }
        }
        inflater.reset();
        crc.reset();
        memberBytes = 0;
    }

    private void readTrailer() throws IOException {
        long stored = 0;
        for (int i = 0; i < 8; i++) {
            int b = next();
            if (b < 0) {
                throw new DataFileException(name + ": truncated gzip file: it ends inside the gzip trailer (the "
                        + "checksum and length after the compressed data); the file was cut short");
            }
            stored |= (long) b << (8 * i);
        }
        if ((int) stored != (int) crc.getValue()) {
            throw new DataFileException(name + ": corrupt gzip data (the CRC-32 checksum does not match: the "
                    + "file is damaged)");
        }
        if ((stored >>> 32) != (memberBytes & 0xFFFFFFFFL)) {
            throw new DataFileException(name + ": corrupt gzip data (the stored length does not match the "
                    + "decompressed data)");
        }
    }

    /** After a member's trailer: the start of another member, or the end of the file; anything else is refused. */
    private boolean nextMember() throws IOException {
        if (!fill()) {
            return false;
        }
        long end = consumed();
        int b0 = buffer[position] & 0xFF;
        int b1 = position + 1 < limit ? buffer[position + 1] & 0xFF : peekSecond();
        if (!isGzip(b0, b1)) {
            long more = limit - position;
            for (int n = 0; n >= 0 && more < MAX_COUNTED; n = in.read(buffer, 0, buffer.length)) {
                more += n;
            }
            throw new DataFileException(name + ": " + (more >= MAX_COUNTED ? "more than " : "") + format(more)
                    + (more == 1 ? " byte" : " bytes") + " after the end of the gzip data (which ends at byte "
                    + format(end) + "); a gzip file ends with its last member");
        }
        readHeader();
        return true;
    }

    /** The byte after the one at {@code position}, when it is not in the buffer yet (keeps the first). */
    private int peekSecond() throws IOException {
        buffer[0] = buffer[position];
        int n = in.read(buffer, 1, buffer.length - 1);
        position = 0;
        limit = 1 + Math.max(0, n);
        fileBytes += Math.max(0, n);
        return n > 0 ? buffer[1] & 0xFF : -1;
    }

    private static String format(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
