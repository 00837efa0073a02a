package latentlab.io.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.io.format.AtomicFile;

/**
 * The codes as CSV (RFC 4180, comma-separated, {@code \n} line ends, UTF-8), one row per image:
 * <pre>
 * index,label,a1,a2,...,ak,reconstruction_error
 * 0,7,-1.23456,0.654321,12.3457
 * </pre>
 * Numbers use six significant digits and a decimal point whatever the user's locale ({@link Locale#ROOT}), so
 * spreadsheets, pandas ({@code pd.read_csv}) and R read the same values everywhere. Written atomically.
 */
public final class CodesCsv {
    /** Rows written between progress reports and cancellation checks. */
    private static final int ROWS_PER_REPORT = 1024;

    private CodesCsv() {
    }

    /** The header line (without line end) for codes of size {@code k}. */
    public static String header(int k) {
        StringBuilder sb = new StringBuilder("index,label");
        for (int j = 1; j <= k; j++) {
            sb.append(",a").append(j);
        }
        return sb.append(",reconstruction_error").toString();
    }

    /** Writes the codes of every image of {@code d} ({@code codes} is {@code n x k}) atomically. */
    public static void write(Path file, Dataset d, float[] codes, int k, float[] errors) throws IOException {
        write(file, new CodeTable(d, codes, k, errors), Progress.NONE);
    }

    /**
     * Writes {@code table} to {@code file} atomically, reporting rows written; when {@code progress} is cancelled
     * it throws CancelledException and the file that was there stays as it was.
     */
    public static void write(Path file, CodeTable table, Progress progress) throws IOException {
        int n = table.size();
        int k = table.k();
        String message = "Writing " + file.getFileName();
        AtomicFile.write(file, (BufferedWriter w) -> {
            StringBuilder sb = new StringBuilder(header(k)).append('\n');
            w.write(sb.toString());
            for (int i = 0; i < n; i++) {
                if (i % ROWS_PER_REPORT == 0) {
                    progress.update(i, n, message);
                    progress.checkCancelled();
                }
                sb.setLength(0);
                sb.append(table.index(i)).append(',').append(table.label(i));
                for (int j = 0; j < k; j++) {
                    sb.append(',').append(format(table.code(i, j)));
                }
                sb.append(',').append(format(table.errors()[i])).append('\n');
                w.write(sb.toString());
            }
        });
        progress.update(n, n, message);
    }

    /** Six significant digits, locale-independent: what {@code encode} has always written. */
    static String format(float v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
