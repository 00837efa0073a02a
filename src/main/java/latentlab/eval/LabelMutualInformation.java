package latentlab.eval;

/**
 * The mutual information, in bits, between one code dimension and the class label: I(A; Y) = Σ p(b, y) log₂ p(b, y)
 * / (p(b) p(y)), with the dimension's values cut into {@value #BINS} bins of (nearly) equal counts (T. M. Cover and
 * J. A. Thomas, Elements of Information Theory, 2nd ed., ch. 2, 2006). 0 when the dimension says nothing about the
 * class; at most H(Y) = log₂ 10 ≈ 3.32 bits for ten equally frequent digits. Binning by equal counts keeps the
 * estimate the same whatever the dimension's scale.
 */
public final class LabelMutualInformation {
    /** Number of bins of equal counts. */
    public static final int BINS = 10;

    private LabelMutualInformation() {
    }

    /** I(A; Y) in bits for values {@code a} and labels {@code y} in [0, classes). */
    public static double bits(double[] a, int[] y, int classes) {
        int n = a.length;
        if (y.length != n) {
            throw new IllegalArgumentException(n + " values but " + y.length + " labels");
        }
        if (n == 0) {
            return 0;
        }
        int[] bin = equalCountBins(a, BINS);
        double[][] joint = new double[BINS][classes];
        for (int i = 0; i < n; i++) {
            joint[bin[i]][y[i]]++;
        }
        double[] pb = new double[BINS];
        double[] py = new double[classes];
        for (int b = 0; b < BINS; b++) {
            for (int c = 0; c < classes; c++) {
                pb[b] += joint[b][c];
                py[c] += joint[b][c];
            }
        }
        double mi = 0;
        for (int b = 0; b < BINS; b++) {
            for (int c = 0; c < classes; c++) {
                double j = joint[b][c];
                if (j > 0) {
                    mi += j / n * Math.log(j * n / (pb[b] * py[c]));
                }
            }
        }
        return Math.max(0, mi / Math.log(2));
    }

    /** Bin of each value: its rank's share of n, cut into {@code bins}; equal values share a bin. */
    static int[] equalCountBins(double[] a, int bins) {
        double[] ranks = SpearmanCorrelation.ranks(a);
        int n = a.length;
        int[] bin = new int[n];
        for (int i = 0; i < n; i++) {
            bin[i] = (int) Math.min(bins - 1, Math.floor((ranks[i] - 1) * bins / n));
        }
        return bin;
    }

    /** Entropy of the labels in bits (the most any dimension can tell about them). */
    public static double labelEntropyBits(int[] y, int classes) {
        double[] p = new double[classes];
        for (int c : y) {
            p[c]++;
        }
        double h = 0;
        for (double count : p) {
            if (count > 0) {
                double q = count / y.length;
                h -= q * Math.log(q);
            }
        }
        return h / Math.log(2);
    }
}
