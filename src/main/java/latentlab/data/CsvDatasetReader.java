package latentlab.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import latentlab.compute.HeapBudget;
import latentlab.compute.Progress;

/**
 * Reads labelled square greyscale images from a CSV file of {@code label,pixel,pixel,...} rows — the layout of the
 * widely shared {@code mnist_train.csv} / {@code mnist_test.csv} files — plain or gzipped (detected by the magic
 * bytes, not the name).
 *
 * <p>The format, strictly: an optional header line (recognised by a first field that is not a number); then one
 * image per line, the label first (an integer 0..255), then rows x cols pixel values in row-major order, where
 * rows = cols = the square root of the number of values. Pixels are either integers 0..255 or, for the whole file,
 * numbers in [0, 1] (scaled by 255 and rounded); numbers are decimal ({@link CsvField}: {@code 255f} is refused).
 * Every line must have as many fields as the first; blank lines are skipped; fields may be padded with spaces;
 * lines end in LF or CRLF; a UTF-8 byte order mark at the start is skipped. Anything else stops the reader with an
 * exception naming the file, the line, the field and the problem — and, where a file is simply of another kind,
 * the kind: separated by semicolons or tabs, old Mac line ends (CR alone), UTF-16 text, binary data.
 * Images are stored as bytes as they are read, so the 110 MB {@code mnist_train.csv} needs 47 MB of heap, not a
 * list of strings; a line may hold at most {@value #MAX_PIXELS} pixels, and every growth of the arrays is first
 * checked against the heap ({@link HeapBudget}).
 */
public final class CsvDatasetReader {
    /** Pixels a line may hold (2048 x 2048); a line that goes on beyond is refused before it fills the heap. */
    static final int MAX_PIXELS = 1 << 22;

    private CsvDatasetReader() {
    }

    /** Reads {@code file}; progress counts the bytes of the file as stored. */
    public static Dataset read(Path file, String name, Progress progress) throws IOException {
        long size = InputFile.size(file);
        String fileName = file.getFileName().toString();
        try (CountingStream counted = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            counted.mark(2);
            int b0 = counted.read();
            int b1 = counted.read();
            counted.reset();
            InputStream in = GzipInput.isGzip(b0, b1) ? new GzipInput(counted, fileName) : counted;
            return new Parser(fileName, name, in, counted, size, progress).parse();
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
        private final CsvField field = new CsvField();
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private long line = 1;
        /** No image nor header line has been read yet. */
        private boolean firstLine = true;
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
            skipByteOrderMark();
            double[] row = new double[16];
            int n = 0;
            while (true) {
                int c = nextChar();
                if (c == ',' || c == '\n' || c == -1) {
                    boolean blankLine = n == 0 && c != ',' && field.isEmpty();
                    if (!blankLine) {
                        if (firstLine && n == 0 && !field.isEmpty() && !looksNumeric(field.first())) {
                            skipHeader(c, field.text());
                            firstLine = false;
                            field.clear();
                            line++;
                            continue;
                        }
                        if (n > MAX_PIXELS) {
                            throw error("has more than " + String.format("%,d", MAX_PIXELS) + " pixel values; no "
                                    + "image that large (2048 x 2048) can be read from a CSV file");
                        }
                        if (n == row.length) {
                            int grown = Math.min(2 * n, MAX_PIXELS + 1);
                            row = HeapBudget.copyOf(row, grown, "reading " + file);
                        }
                        row[n] = value(n + 1);
                        n++;
                    }
                    field.clear();
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
                } else {
                    append(c, n + 1);
                }
            }
            if (count == 0) {
                throw new DataFileException(file + ": holds no images (expected lines of label,pixel,pixel,...)");
            }
            int d = fields - 1;
            int side = (int) Math.round(Math.sqrt(d));
            return new Dataset(name, side, side, HeapBudget.copyOf(pixels, pixelCount, "reading " + file),
                    Arrays.copyOf(labels, count));
        }

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

        /** The next character, with CRLF read as LF; a lone CR and a zero byte are refused, naming what they mean. */
        private int nextChar() throws IOException {
            int c = next();
            if (c == '\r') {
                int after = next();
                if (after != '\n' && after != -1) {
                    throw error("ends in a carriage return alone (CR, the line end of old Mac files), not LF or "
                            + "CRLF; save the file with Windows (CRLF) or Unix (LF) line ends");
                }
                return '\n';
            }
            if (c == 0) {
                throw error("holds a zero byte: this is binary data, or text in UTF-16, not a CSV text file "
                        + "(ASCII or UTF-8)");
            }
            return c;
        }

        /** Skips a UTF-8 byte order mark; refuses UTF-16 text, which starts with one of its own. */
        private void skipByteOrderMark() throws IOException {
            limit = Math.max(0, in.readNBytes(buffer, 0, 3));
            position = 0;
            int b0 = limit > 0 ? buffer[0] & 0xFF : -1;
            int b1 = limit > 1 ? buffer[1] & 0xFF : -1;
            if (limit == 3 && b0 == 0xEF && b1 == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                position = 3;
            } else if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
                throw new DataFileException(file + ": is UTF-16 text (it starts with a UTF-16 byte order mark); save "
                        + "it as UTF-8 or ASCII");
            }
        }

        private void append(int c, int column) throws DataFileException {
            if (c == ';') {
                throw error("has a semicolon in field " + column + ": the fields are separated by semicolons, not "
                        + "commas; save the file as comma-separated values (label,pixel,pixel,...)");
            }
            // The first name of a header line may be long or hold spaces; only its start is looked at.
            boolean header = firstLine && column == 1 && !field.isEmpty() && !looksNumeric(field.first());
            if (!field.append(c)) {
                if (header) {
                    return;
                }
                throw error(column == 1 && field.innerSpace() != 0 ? separatedBy(field.innerSpace())
                        : "field " + column + " is longer than any number");
            }
            if (column == 1 && !header && field.innerSpace() != 0) {
                throw error(separatedBy(field.innerSpace()));
            }
        }

        private static String separatedBy(int space) {
            return "the fields are separated by " + (space == '\t' ? "tabs" : "spaces") + ", not commas; each line "
                    + "must be label,pixel,pixel,...";
        }

        private double value(int column) throws DataFileException {
            if (field.isEmpty()) {
                throw error("field " + column + " is empty");
            }
            if (!field.isNumber()) {
                throw error("field " + column + " is '" + field.text() + "', not a number");
            }
            return field.value();
        }

        private void skipHeader(int c, String first) throws IOException {
            if (first.toLowerCase(java.util.Locale.ROOT).startsWith("pixel")) {
                throw error("has no label column (the first column is '" + first + "'); each line must be "
                        + "label,pixel,pixel,...");
            }
            int ch = c;
            while (ch != '\n' && ch != -1) {
                ch = nextChar();
            }
        }

        private static boolean looksNumeric(char c) {
            return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
        }

        private void add(double[] row, int n) throws DataFileException {
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
                labels = HeapBudget.copyOf(labels, labels.length * 2, "reading " + file);
            }
            if (pixelCount + n - 1 > pixels.length) {
                long grown = Math.max((long) pixels.length * 2, (long) pixelCount + n);
                if ((long) pixelCount + n > Integer.MAX_VALUE - 8) {
                    throw error("holds more pixels than one data set can (2^31)");
                }
                grown = Math.min(grown, Integer.MAX_VALUE - 8);
                pixels = HeapBudget.copyOf(pixels, (int) grown, "reading " + file + " (" + count + " images so far)");
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

        private DataFileException error(String problem) {
            return new DataFileException(file + ", line " + line + ": " + problem);
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
