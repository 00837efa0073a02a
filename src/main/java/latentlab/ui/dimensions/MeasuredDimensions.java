package latentlab.ui.dimensions;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.eval.DimensionAnalysis;
import latentlab.eval.DisentanglementScore;
import latentlab.eval.LabelMutualInformation;
import latentlab.eval.MorphometricTable;
import latentlab.morpho.Morphometric;
import latentlab.nn.Codec;

/**
 * An analysis of what each latent dimension of one model means ({@link DimensionAnalysis}), with what the views
 * need to present it: the model and the images it was measured on, how much there is to know about the label
 * (its entropy), and how widely each property varies over those images (to compare changes in different units).
 * Immutable.
 *
 * @param analysis  ρ, label information and the measured traversal of every dimension
 * @param codec     the model analysed
 * @param images    the images it was measured on (the test set)
 * @param table     their morphometrics
 * @param labelBits H(label) in bits: the most any one dimension can tell about the label
 * @param spread    the standard deviation of each property over the images with ink, by ordinal (where defined)
 */
public record MeasuredDimensions(DimensionAnalysis analysis, Codec codec, Dataset images, MorphometricTable table,
                                 double labelBits, double[] spread) {
    /** Analyses {@code codec} on {@code images}, whose codes and morphometrics are given (runs in the background). */
    public static MeasuredDimensions of(Codec codec, Dataset images, float[] codes, MorphometricTable table,
                                        ComputePool pool) {
        DimensionAnalysis a = DimensionAnalysis.of(codec, images, codes, table, pool);
        int[] labels = new int[images.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = images.label(i);
        }
        double h = LabelMutualInformation.labelEntropyBits(labels, images.classCount());
        return new MeasuredDimensions(a, codec, images, table, h, spreads(table));
    }

    /** The standard deviation of each property over the images with ink on which it is defined. */
    static double[] spreads(MorphometricTable table) {
        double[] sd = new double[Morphometric.values().length];
        for (Morphometric p : Morphometric.values()) {
            double[] v = table.column(p);
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (int i = 0; i < v.length; i++) {
                if (table.hasInk(i) && !Double.isNaN(v[i])) {
                    sum += v[i];
                    sq += v[i] * v[i];
                    n++;
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            sd[p.ordinal()] = n < 2 ? 0 : Math.sqrt(Math.max(0, (sq - n * mean * mean) / (n - 1)));
        }
        return sd;
    }

    /** Number of latent dimensions. */
    public int dimensions() {
        return analysis.dimensions();
    }

    /** The dimension (0-based) that tracks {@code p} most, by |ρ| (the first of equals). */
    public int best(Morphometric p) {
        int best = 0;
        for (int j = 1; j < analysis.dimensions(); j++) {
            if (Math.abs(analysis.rho(j, p)) > Math.abs(analysis.rho(best, p))) {
                best = j;
            }
        }
        return best;
    }

    /** The disentanglement score: the mean over the properties of the gap between the two largest |ρ|. */
    public double score() {
        return DisentanglementScore.mean(analysis);
    }
}
