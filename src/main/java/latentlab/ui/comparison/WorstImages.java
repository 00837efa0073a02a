package latentlab.ui.comparison;

import java.util.ArrayList;
import java.util.List;

/** The images a model reconstructs worst: indices by error, largest first. */
public final class WorstImages {
    private WorstImages() {
    }

    /** Indices of the {@code m} images with the largest errors, worst first (ties: lower index first). */
    public static int[] of(float[] errors, int m) {
        if (errors == null) {
            return new int[0];
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < errors.length; i++) {
            idx.add(i);
        }
        idx.sort((a, b) -> Float.compare(errors[b], errors[a]) != 0 ? Float.compare(errors[b], errors[a])
                : Integer.compare(a, b));
        int[] out = new int[Math.min(m, idx.size())];
        for (int i = 0; i < out.length; i++) {
            out[i] = idx.get(i);
        }
        return out;
    }
}
