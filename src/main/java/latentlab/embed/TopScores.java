package latentlab.embed;

import java.util.Arrays;

/**
 * The m best (score, index) pairs seen so far, in a binary min-heap whose root is the worst kept pair, so that a
 * candidate that does not make it costs one comparison. "Better" means a higher score, or an equal score and a
 * lower index: the order is total, so the result does not depend on the order candidates arrive in (threads,
 * blocks). NaN scores are never kept.
 */
final class TopScores {
    private final int capacity;
    private final float[] scores;
    private final int[] indices;
    private int size;

    TopScores(int capacity) {
        this.capacity = capacity;
        this.scores = new float[capacity];
        this.indices = new int[capacity];
    }

    /** Whether (s, i) ranks before (t, j). */
    private static boolean better(float s, int i, float t, int j) {
        return s > t || (s == t && i < j);
    }

    /** Offers a candidate. */
    void offer(float score, int index) {
        if (size < capacity) {
            if (score != score) {
                return;
            }
            int pos = size++;
            // Sift up: parents are worse than or equal to their children.
            while (pos > 0) {
                int parent = (pos - 1) >>> 1;
                if (!better(scores[parent], indices[parent], score, index)) {
                    break;
                }
                scores[pos] = scores[parent];
                indices[pos] = indices[parent];
                pos = parent;
            }
            scores[pos] = score;
            indices[pos] = index;
        } else if (capacity > 0 && better(score, index, scores[0], indices[0])) {
            siftDown(score, index);
        }
    }

    /** Offers candidates {@code first + j} with scores {@code s[j]}, j in [0, len), skipping {@code exclude}. */
    void offerAll(float[] s, int len, int first, int exclude) {
        if (capacity == 0) {
            return;
        }
        for (int j = 0; j < len; j++) {
            // The common case, a candidate below the worst kept one once the heap is full, costs one comparison.
            if (size == capacity && !(s[j] >= scores[0])) {
                continue;
            }
            if (first + j != exclude) {
                offer(s[j], first + j);
            }
        }
    }

    private void siftDown(float score, int index) {
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(scores[child], indices[child], scores[child + 1], indices[child + 1])) {
                child++;
            }
            if (!better(score, index, scores[child], indices[child])) {
                break;
            }
            scores[pos] = scores[child];
            indices[pos] = indices[child];
            pos = child;
        }
        scores[pos] = score;
        indices[pos] = index;
    }

    /** Adds everything another selection kept. */
    void merge(TopScores other) {
        for (int r = 0; r < other.size; r++) {
            offer(other.scores[r], other.indices[r]);
        }
    }

    /** The kept pairs, best first. */
    Neighbours sorted() {
        Integer[] order = new Integer[size];
        for (int r = 0; r < size; r++) {
            order[r] = r;
        }
        Arrays.sort(order, (a, b) -> better(scores[a], indices[a], scores[b], indices[b]) ? -1
                : better(scores[b], indices[b], scores[a], indices[a]) ? 1 : 0);
        int[] idx = new int[size];
        float[] sc = new float[size];
        for (int r = 0; r < size; r++) {
            idx[r] = indices[order[r]];
            sc[r] = scores[order[r]];
        }
        return new Neighbours(idx, sc);
    }
}
