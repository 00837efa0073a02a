package latentlab.io.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import latentlab.eval.DimensionAnalysis;
import latentlab.eval.MorphometricTable;
import latentlab.io.format.AtomicFile;
import latentlab.morpho.Morphometric;

/**
 * What each latent dimension means, as CSV (comma-separated, {@code \n} line ends, UTF-8, numbers with a decimal
 * point whatever the locale), one row per dimension:
 * <pre>
 * dim,r_ink,r_area,r_length,r_thickness,r_slant,r_width,r_height,label_mi_bits,change_ink,...,change_height
 * a1,0.1234,...
 * </pre>
 * {@code r_*} is Spearman's ρ between a_j and the property over the test images, {@code label_mi_bits} the mutual
 * information between a_j and the label, {@code change_*} the property's change over a_j's traversal (its value
 * for the last decoded image minus the first). The images' own morphometrics go to a second file,
 * {@code index,label,ink,area,length,thickness,slant,width,height} ({@code nan} for an image without ink), so that the
 * figures can be checked with NumPy. Both written atomically.
 */
public final class DimensionsCsv {
    private DimensionsCsv() {
    }

    /** The analysis's header line (without line end). */
    public static String header() {
        StringBuilder sb = new StringBuilder("dim");
        for (Morphometric p : Morphometric.values()) {
            sb.append(",r_").append(p.id());
        }
        sb.append(",label_mi_bits");
        for (Morphometric p : Morphometric.values()) {
            sb.append(",change_").append(p.id());
        }
        return sb.toString();
    }

    /** One row of the analysis (without line end). */
    public static String row(DimensionAnalysis a, int j) {
        StringBuilder sb = new StringBuilder("a").append(j + 1);
        for (Morphometric p : Morphometric.values()) {
            sb.append(',').append(format(a.rho(j, p)));
        }
        sb.append(',').append(format(a.labelBits()[j]));
        for (Morphometric p : Morphometric.values()) {
            sb.append(',').append(format(a.traversalEnd(j, p) - a.traversalStart(j, p)));
        }
        return sb.toString();
    }

    /** Writes the analysis, one row per dimension. */
    public static void write(Path file, DimensionAnalysis a) throws IOException {
        AtomicFile.write(file, (BufferedWriter w) -> {
            w.write(header());
            w.write('\n');
            for (int j = 0; j < a.dimensions(); j++) {
                w.write(row(a, j));
                w.write('\n');
            }
        });
    }

    /** Writes the morphometrics of every image of a table, with its index and label. */
    public static void writeMorphometrics(Path file, MorphometricTable table) throws IOException {
        AtomicFile.write(file, (BufferedWriter w) -> {
            StringBuilder sb = new StringBuilder("index,label");
            for (Morphometric p : Morphometric.values()) {
                sb.append(',').append(p.id());
            }
            w.write(sb.append('\n').toString());
            for (int i = 0; i < table.size(); i++) {
                sb.setLength(0);
                sb.append(i).append(',').append(table.data().label(i));
                for (Morphometric p : Morphometric.values()) {
                    sb.append(',').append(format(table.get(i, p)));
                }
                w.write(sb.append('\n').toString());
            }
        });
    }

    /** Six significant digits, {@code nan} for NaN (as NumPy and pandas read it). */
    static String format(double v) {
        return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.6g", v);
    }
}
