package latentlab.embed;

/**
 * A soft round brush for the drawing pad: full intensity in a core disc, falling smoothly to 0 at the radius.
 * With radius r and softness s in [0, 1] the intensity at distance rho from the centre is
 * <pre>
 *   f(rho) = 1                           for rho &lt;= r0 = r (1 - s)
 *   f(rho) = 1 - smoothstep((rho - r0) / (r - r0))   for r0 &lt; rho &lt; r
 *   f(rho) = 0                           for rho &gt;= r
 * </pre>
 * with smoothstep(u) = 3u^2 - 2u^3, whose zero slope at both ends leaves no visible ring. s = 0 is a hard disc,
 * s = 1 a soft dot with no flat core. MNIST strokes are about two to three pixels wide with anti-aliased edges,
 * which {@link #MNIST_LIKE} imitates.
 *
 * @param radius   r in pixels, positive
 * @param softness s in [0, 1]: the fraction of the radius over which the intensity falls off
 */
public record Brush(double radius, double softness) {
    /** A brush whose strokes look like MNIST's pen strokes on a 28 x 28 grid. */
    public static final Brush MNIST_LIKE = new Brush(1.6, 0.6);

    public Brush {
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("brush radius must be a positive number of pixels, got " + radius);
        }
        if (!(softness >= 0 && softness <= 1)) {
            throw new IllegalArgumentException("brush softness must be between 0 and 1, got " + softness);
        }
    }

    /** Intensity f(rho) in [0, 1] at distance {@code rho} from the centre. */
    public double intensity(double rho) {
        double core = radius * (1 - softness);
        if (rho <= core) {
            return 1;
        }
        if (rho >= radius) {
            return 0;
        }
        double u = (rho - core) / (radius - core);
        return 1 - u * u * (3 - 2 * u);
    }
}
