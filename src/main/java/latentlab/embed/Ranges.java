package latentlab.embed;

/** Argument checks shared by the corruptions and the drawing pad. */
final class Ranges {
    private Ranges() {
    }

    /** Returns {@code v} if it lies in [0, 1]; otherwise throws, naming {@code what} (NaN is refused too). */
    static double unitInterval(String what, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, got " + v);
        }
        return v;
    }
}
