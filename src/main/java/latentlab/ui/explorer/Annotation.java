package latentlab.ui.explorer;

/**
 * Something drawn on top of a latent map at given codes (full k-dimensional codes; the map shows the two
 * dimensions it has chosen): a labelled marker, such as a drawn digit pinned at its code, or a path, such as
 * the straight line between two codes that an interpolation follows. Immutable.
 */
public sealed interface Annotation permits Annotation.Marker, Annotation.Path, Annotation.Arrow {
    /** The colour, RGB. */
    int colour();

    /**
     * A marker with a short label.
     *
     * @param label  written beside it (may be empty)
     * @param code   its code (k values)
     * @param colour RGB
     */
    record Marker(String label, float[] code, int colour) implements Annotation {
        public Marker {
            code = code.clone();
        }
    }

    /**
     * A polyline through {@code codes.length / k} codes, with a dot at each.
     *
     * @param codes  the codes one after the other
     * @param k      values per code
     * @param colour RGB
     */
    record Path(float[] codes, int k, int colour) implements Annotation {
        public Path {
            if (k < 1 || codes.length % k != 0) {
                throw new IllegalArgumentException(codes.length + " values are not whole codes of " + k);
            }
            codes = codes.clone();
        }

        /** Number of points. */
        public int points() {
            return codes.length / k;
        }
    }

    /**
     * An arrow from one code to another (dashed), e.g. the displacement b -> a added to c in latent arithmetic.
     */
    record Arrow(float[] from, float[] to, int colour) implements Annotation {
        public Arrow {
            if (from.length != to.length) {
                throw new IllegalArgumentException("codes of " + from.length + " and " + to.length + " values");
            }
            from = from.clone();
            to = to.clone();
        }
    }
}
