package latentlab.train;

import java.util.Arrays;

/**
 * An append-only series of (step, loss) points that can be shared with other threads without copying: a view
 * fixes a length, and appending never changes the first {@code length} entries of any array a view may hold
 * (growing allocates a new array). The training thread appends; views are handed out in snapshots.
 */
public final class LossTrace {
    private long[] steps;
    private float[] values;
    private int length;

    public LossTrace() {
        this(1024);
    }

    private LossTrace(int capacity) {
        steps = new long[capacity];
        values = new float[capacity];
    }

    /** Appends a point (training thread only). */
    public void add(long step, double value) {
        if (length == values.length) {
            steps = Arrays.copyOf(steps, length * 2);
            values = Arrays.copyOf(values, length * 2);
        }
        steps[length] = step;
        values[length] = (float) value;
        length++;
    }

    public int length() {
        return length;
    }

    /** Removes every point (training thread only; views taken earlier keep their data). */
    public void clear() {
        steps = new long[1024];
        values = new float[1024];
        length = 0;
    }

    /** An immutable view of the points so far. */
    public View view() {
        return new View(steps, values, length);
    }

    /** A fixed-length view of a trace. */
    public static final class View {
        private final long[] steps;
        private final float[] values;
        private final int length;

        View(long[] steps, float[] values, int length) {
            this.steps = steps;
            this.values = values;
            this.length = length;
        }

        /** An empty view. */
        public static View empty() {
            return new View(new long[0], new float[0], 0);
        }

        /** A view of given points (copied). */
        public static View of(long[] steps, float[] values) {
            return new View(steps.clone(), values.clone(), steps.length);
        }

        public int length() {
            return length;
        }

        public long step(int i) {
            return steps[i];
        }

        public float value(int i) {
            return values[i];
        }
    }
}
