package latentlab.embed;

import java.util.Arrays;

/**
 * The answer to a nearest-neighbour query: candidate indices and their scores, best first (highest score; equal
 * scores in increasing index order). Fresh arrays that belong to the caller.
 *
 * @param indices positions of the neighbours in the searched set
 * @param scores  their scores under the query's {@link Similarity} ({@link Similarity#displayValue} turns a score
 *                into the number to show)
 */
public record Neighbours(int[] indices, float[] scores) {
    public Neighbours {
        if (indices.length != scores.length) {
            throw new IllegalArgumentException(indices.length + " indices but " + scores.length + " scores");
        }
    }

    /** Number of neighbours found (fewer than asked when the set is small or some scores are NaN). */
    public int size() {
        return indices.length;
    }

    /** Index of the {@code rank}-th best neighbour, 0 = nearest. */
    public int index(int rank) {
        return indices[rank];
    }

    /** Score of the {@code rank}-th best neighbour. */
    public float score(int rank) {
        return scores[rank];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Neighbours n && Arrays.equals(indices, n.indices) && Arrays.equals(scores, n.scores);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Neighbours[");
        for (int r = 0; r < indices.length; r++) {
            sb.append(r == 0 ? "" : ", ").append(indices[r]).append(':').append(scores[r]);
        }
        return sb.append(']').toString();
    }
}
