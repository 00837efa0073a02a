package latentlab.embed;

/**
 * The "worst reconstructed" list: images ranked by their reconstruction error, highest first, from the per-image
 * errors of {@link latentlab.eval.ReconstructionError.Result#perImage()}. Equal errors keep index order; NaN errors
 * (a diverged model) count as the worst of all and come first, in index order.
 */
public final class ReconstructionRanking {
    private ReconstructionRanking() {
    }

    /** Every index, worst reconstructed first. */
    public static int[] worstFirst(float[] errors) {
        return worst(errors, errors.length);
    }

    /**
     * The {@code m} worst reconstructed indices (all, if there are fewer), worst first. A bounded selection, so the
     * top 20 of 70,000 costs one pass.
     *
     * @throws IllegalArgumentException if {@code m < 0}
     */
    public static int[] worst(float[] errors, int m) {
        if (m < 0) {
            throw new IllegalArgumentException("number of images must be at least 0, got " + m);
        }
        int want = Math.min(m, errors.length);
        int[] out = new int[want];
        int nan = 0;
        for (int i = 0; i < errors.length && nan < want; i++) {
            if (Float.isNaN(errors[i])) {
                out[nan++] = i;
            }
        }
        TopScores top = new TopScores(want - nan);
        for (int i = 0; i < errors.length; i++) {
            top.offer(errors[i], i); // NaNs are never kept
        }
        int[] rest = top.sorted().indices();
        System.arraycopy(rest, 0, out, nan, rest.length);
        return out;
    }

    /** The errors of the given indices, in that order (for the list's labels). */
    public static float[] errorsOf(float[] errors, int[] indices) {
        float[] out = new float[indices.length];
        for (int r = 0; r < indices.length; r++) {
            out[r] = errors[indices[r]];
        }
        return out;
    }
}
