package latentlab.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import latentlab.compute.Progress;

/**
 * Reads labelled square greyscale images from a CSV file of {@code label,pixel,pixel,...} rows — the layout of the
 * widely shared {@code mnist_train.csv} / {@code mnist_test.csv} files — plain or gzipped (detected by the magic
 * bytes, not the name).
 *
 * <p>The format, strictly: an optional header line (recognised by a first field that is not a number); then one
 * image per line, the label first (an integer 0..255), then rows x cols pixel values in row-major order, where
 * rows = cols = the square root of the number of values. Pixels are either integers 0..255 or, for the whole file,
 * numbers in [0, 1] (scaled by 255 and rounded). Every line must have as many fields as the first; blank lines
 * are skipped; fields may be padded with spaces and lines may end in CRLF. Anything else stops the reader with an
 * exception naming the file, the line, the field and the problem. Images are stored as bytes as they are read, so
 * the 110 MB {@code mnist_train.csv} needs 47 MB of heap, not a list of strings.
 */
public final class CsvDatasetReader {
    private static final int GZIP_MAGIC = 0x8b1f;

    private CsvDatasetReader() {
    }

    /** Reads {@code file}; progress counts the bytes of the file as stored. */
    public static Dataset read(Path file, String name, Progress progress) throws IOException {
        long size = Files.size(file);
        try (CountingStream counted = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            counted.mark(2);
            int b0 = counted.read();
            int b1 = counted.read();
            counted.reset();
            InputStream in = b0 >= 0 && b1 >= 0 && (b0 | (b1 << 8)) == GZIP_MAGIC
                    ? new BufferedInputStream(new GZIPInputStream(counted, 1 << 16), 1 << 16) : counted;
            return new Parser(file.getFileName().toString(), name, in, counted, size, progress).parse();
        } catch (java.util.zip.ZipException e) {
            throw new IdxFormatException(file.getFileName() + ": corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (java.io.EOFException e) {
            throw new IdxFormatException(file.getFileName() + ": the gzip data is truncated", e);
        }
    }

    /** One pass over the characters, fields parsed in place. */
    private static final class Parser {
        private final String file;
        private final String name;
        private final InputStream in;
        private final CountingStream counted;
        private final long size;
        private final Progress progress;
        private long line = 1;
        private int fields = -1;
        private int count;
        private byte[] pixels = new byte[1 << 16];
        private byte[] labels = new byte[1 << 10];
        private int pixelCount;
        private boolean unitScale;
        private boolean sawAboveOne;

        Parser(String file, String name, InputStream in, CountingStream counted, long size, Progress progress) {
            this.file = file;
            this.name = name;
            this.in = in;
            this.counted = counted;
            this.size = size;
            this.progress = progress;
        }

        Dataset parse() throws IOException {
            double[] row = new double[16];
            int n = 0;
            boolean firstLine = true;
            while (true) {
                int c = next();
                if (c == ',' || c == '\n' || c == -1) {
                    boolean blankLine = n == 0 && c != ',' && fieldIsBlank();
                    if (!blankLine) {
                        if (firstLine && n == 0 && length > 0 && !looksNumeric(first)) {
                            skipHeader(c, text());
                            firstLine = false;
                            clearField();
                            line++;
                            continue;
                        }
                        if (n == row.length) {
                            row = Arrays.copyOf(row, row.length * 2);
                        }
                        row[n] = value(n + 1);
                        n++;
                    }
                    clearField();
                    if (c == ',') {
                        continue;
                    }
                    if (n > 0) {
                        firstLine = false;
                        add(row, n);
                        n = 0;
                    }
                    if (c == -1) {
                        break;
                    }
                    line++;
                    if ((line & 1023) == 0) {
                        progress.update(counted.count(), size, "Reading " + file);
                        progress.checkCancelled();
                    }
                } else if (c != '\r') {
                    append(c, n + 1);
                }
            }
            if (count == 0) {
                throw new IdxFormatException(file + ": holds no images (expected lines of label,pixel,pixel,...)");
            }
            int d = fields - 1;
            int side = (int) Math.round(Math.sqrt(d));
            return new Dataset(name, side, side, Arrays.copyOf(pixels, pixelCount), Arrays.copyOf(labels, count));
        }

        // The current field: its characters (spaces dropped), and its value while it is a plain whole number.
        private final char[] chars = new char[64];
        private int length;
        private char first;
        private long whole;
        private boolean digitsOnly = true;
        private boolean innerSpace;
        private boolean spaceAfterText;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;

        private int next() throws IOException {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            return buffer[position++] & 0xFF;
        }

        private void append(int c, int column) throws IdxFormatException {
            if (c == ' ' || c == '\t') {
                spaceAfterText = length > 0;
                return;
            }
            if (spaceAfterText) {
                innerSpace = true;
            }
            if (length == chars.length) {
                throw error("field " + column + " is longer than any number");
            }
            if (length == 0) {
                first = (char) c;
            }
            chars[length++] = (char) c;
            if (c >= '0' && c <= '9' && length <= 12) {
                whole = whole * 10 + (c - '0');
            } else {
                digitsOnly = false;
            }
        }

        private boolean fieldIsBlank() {
            return length == 0;
        }

        private String text() {
            return new String(chars, 0, length);
        }

        private void clearField() {
            length = 0;
            whole = 0;
            digitsOnly = true;
            innerSpace = false;
            spaceAfterText = false;
        }

        private double value(int column) throws IdxFormatException {
            if (length == 0) {
                throw error("field " + column + " is empty");
            }
            if (innerSpace) {
                throw error("field " + column + " is '" + text() + "', not a number");
            }
            if (digitsOnly) {
                return whole;
            }
            try {
                return Double.parseDouble(text());
            } catch (NumberFormatException e) {
                throw error("field " + column + " is '" + text() + "', not a number");
            }
        }

        private void skipHeader(int c, String first) throws IOException {
            if (first.toLowerCase(java.util.Locale.ROOT).startsWith("pixel")) {
                throw error("has no label column (the first column is '" + first + "'); each line must be "
                        + "label,pixel,pixel,...");
            }
            int ch = c;
            while (ch != '\n' && ch != -1) {
                ch = next();
            }
        }

        private static boolean looksNumeric(char c) {
            return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
        }

        private void add(double[] row, int n) throws IdxFormatException {
            if (fields < 0) {
                int d = n - 1;
                int side = (int) Math.round(Math.sqrt(d));
                if (d < 1 || side * side != d) {
                    throw error("has " + d + " pixel values after the label, which is not a square image "
                            + "(28 x 28 needs 784); each line must be label,pixel,pixel,...");
                }
                fields = n;
            } else if (n != fields) {
                throw error("has " + n + " fields, but the first image's line has " + fields);
            }
            double label = row[0];
            if (label != Math.rint(label) || label < 0 || label >= Dataset.MAX_CLASSES) {
                throw error("the label is " + format(label) + "; labels must be whole numbers 0.."
                        + (Dataset.MAX_CLASSES - 1));
            }
            if (count == labels.length) {
                labels = Arrays.copyOf(labels, labels.length * 2);
            }
            if (pixelCount + n - 1 > pixels.length) {
                long grown = Math.max((long) pixels.length * 2, (long) pixelCount + n);
                if (grown > Integer.MAX_VALUE - 8) {
                    throw error("holds more pixels than one data set can (2^31)");
                }
                pixels = Arrays.copyOf(pixels, (int) grown);
            }
            for (int j = 1; j < n; j++) {
                double v = row[j];
                boolean whole = v == Math.rint(v);
                if (!(v >= 0) || v > 255) {
                    throw error("pixel " + j + " is " + format(v) + "; pixels must be 0..255, or 0..1 throughout");
                }
                if (!whole) {
                    if (v > 1 || sawAboveOne) {
                        throw error("pixel " + j + " is " + format(v) + ", a fraction in a file whose pixels are "
                                + "whole numbers 0..255");
                    }
                    if (!unitScale) {
                        switchToUnitScale();
                    }
                } else if (v > 1) {
                    if (unitScale) {
                        throw error("pixel " + j + " is " + format(v) + " in a file whose pixels are fractions "
                                + "in [0, 1]");
                    }
                    sawAboveOne = true;
                }
                pixels[pixelCount++] = (byte) (unitScale ? Math.round(v * 255) : (int) v);
            }
            labels[count++] = (byte) (int) label;
        }

        /** The first fraction: every pixel so far was 0 or 1, and now means 0 or 255. */
        private void switchToUnitScale() {
            unitScale = true;
            for (int i = 0; i < pixelCount; i++) {
                if (pixels[i] == 1) {
                    pixels[i] = (byte) 255;
                }
            }
        }

        private static String format(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }

        private IdxFormatException error(String problem) {
            return new IdxFormatException(file + ", line " + line + ": " + problem);
        }
    }

    /** Counts the bytes read from the file itself (compressed, for gzip), for progress. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private long count;
        private long mark;

        CountingStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public synchronized void mark(int limit) {
            super.mark(limit);
            mark = count;
        }

        @Override
        public synchronized void reset() throws IOException {
            super.reset();
            count = mark;
        }
    }
}
