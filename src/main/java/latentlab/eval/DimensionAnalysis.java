package latentlab.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.morpho.Morphometric;
import latentlab.nn.Codec;

/**
 * What each latent dimension of a model means, measured on the test set: for every dimension a_j, Spearman's ρ
 * between a_j and each {@link Morphometric} of the test images (over the images on which that property is defined:
 * an image without ink has none, and a lone dot no stroke thickness), the mutual information
 * between a_j and the class label in bits ({@link LabelMutualInformation}), and the {@link LatentTraversal}: how each
 * property of the decoded image changes as a_j is swept. Works for any {@link latentlab.nn.Codec} — autoencoder, a
 * VAE's means, PCA.
 *
 * @param rho       ρ(a_j, property): {@code rho[j][property.ordinal()]}
 * @param labelBits I(a_j; label) in bits
 * @param traversal the measured sweep of every dimension
 */
public record DimensionAnalysis(double[][] rho, double[] labelBits, LatentTraversal traversal) {
    /** Images per dimension in the traversal (as in the window's grid). */
    public static final int STEPS = 9;

    /** One property and how strongly a dimension tracks it. */
    public record Tracked(Morphometric property, double rho) {
    }

    /**
     * Analyses {@code codec} on {@code test}, whose codes ({@code n × k}) and morphometrics are given (both are
     * reused between analyses: the window has them already).
     */
    public static DimensionAnalysis of(Codec codec, Dataset test, float[] codes, MorphometricTable table,
                                       ComputePool pool) {
        int n = test.size();
        int k = codec.latentSize();
        if (table.size() != n) {
            throw new IllegalArgumentException("morphometrics of " + table.size() + " images for " + n + " codes");
        }
        if (codes.length != (long) n * k) {
            throw new IllegalArgumentException(codes.length + " code values for " + n + " images of k = " + k);
        }
        Morphometric[] props = Morphometric.values();
        int[][] rows = definedRows(table);
        double[][] propRanks = new double[props.length][];
        for (Morphometric p : props) {
            propRanks[p.ordinal()] = SpearmanCorrelation.ranks(select(table.column(p), rows[p.ordinal()]));
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = test.label(i);
        }
        double[][] rho = new double[k][props.length];
        double[] bits = new double[k];
        double[] all = new double[n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                all[i] = codes[i * k + j];
            }
            // Most properties are defined on the same images: their codes are ranked once.
            Map<int[], double[]> codeRanks = new IdentityHashMap<>();
            for (Morphometric p : props) {
                double[] ranks = codeRanks.computeIfAbsent(rows[p.ordinal()],
                        r -> SpearmanCorrelation.ranks(select(all, r)));
                rho[j][p.ordinal()] = SpearmanCorrelation.ofRanks(ranks, propRanks[p.ordinal()]);
            }
            bits[j] = LabelMutualInformation.bits(all, labels, test.classCount());
        }
        LatentTraversal traversal = LatentTraversal.of(codec, codes, n, test.rows(), test.cols(), STEPS, pool);
        return new DimensionAnalysis(rho, bits, traversal);
    }

    /**
     * For each property, the images with ink on which it is defined (not NaN); properties defined on the same images
     * share one array.
     */
    private static int[][] definedRows(MorphometricTable table) {
        Morphometric[] props = Morphometric.values();
        int[][] rows = new int[props.length][];
        for (Morphometric p : props) {
            double[] v = table.column(p);
            int[] r = IntStream.range(0, table.size()).filter(i -> table.hasInk(i) && !Double.isNaN(v[i])).toArray();
            for (int q = 0; q < p.ordinal() && rows[p.ordinal()] == null; q++) {
                if (Arrays.equals(rows[q], r)) {
                    rows[p.ordinal()] = rows[q];
                }
            }
            if (rows[p.ordinal()] == null) {
                rows[p.ordinal()] = r;
            }
        }
        return rows;
    }

    private static double[] select(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    /** Number of latent dimensions. */
    public int dimensions() {
        return rho.length;
    }

    /** ρ between a_j and a property. */
    public double rho(int j, Morphometric p) {
        return rho[j][p.ordinal()];
    }

    /** The {@code count} properties a_j tracks most strongly, by |ρ|, strongest first. */
    public List<Tracked> strongest(int j, int count) {
        List<Tracked> all = new ArrayList<>();
        for (Morphometric p : Morphometric.values()) {
            all.add(new Tracked(p, rho[j][p.ordinal()]));
        }
        all.sort(Comparator.comparingDouble((Tracked t) -> -Math.abs(t.rho())));
        return all.subList(0, Math.min(count, all.size()));
    }

    /** A property of the decoded image at the start and at the end of a_j's sweep. */
    public double traversalStart(int j, Morphometric p) {
        return traversal.morpho()[j][0].get(p);
    }

    public double traversalEnd(int j, Morphometric p) {
        return traversal.morpho()[j][traversal.steps() - 1].get(p);
    }

    /** One line, e.g. "a1: slant −18° → +24°, thickness 2.1 → 2.3 px" (the two properties a_j tracks most). */
    public String describe(int j) {
        StringBuilder b = new StringBuilder("a").append(j + 1).append(':');
        String sep = " ";
        for (Tracked t : strongest(j, 2)) {
            Morphometric p = t.property();
            b.append(sep).append(p.id()).append(' ').append(p.format(traversalStart(j, p))).append(" → ")
                    .append(p.format(traversalEnd(j, p)));
            sep = ", ";
        }
        return b.toString();
    }
}
