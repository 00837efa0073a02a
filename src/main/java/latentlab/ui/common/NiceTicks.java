package latentlab.ui.common;

/**
 * Axis ticks at "nice" values (1, 2 or 5 times a power of ten), after Heckbert, "Nice numbers for graph labels",
 * Graphics Gems (1990).
 */
public final class NiceTicks {
    private NiceTicks() {
    }

    /** Tick spacing giving about {@code target} ticks over [min, max]. */
    public static double step(double min, double max, int target) {
        double range = max - min;
        if (!(range > 0) || !Double.isFinite(range)) {
            return 1;
        }
        double raw = range / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nice * mag;
    }

    /** The tick values within [min, max]. */
    public static double[] ticks(double min, double max, int target) {
        double s = step(min, max, target);
        double first = Math.ceil(min / s) * s;
        int n = (int) Math.floor((max - first) / s + 1e-9) + 1;
        if (n <= 0 || n > 1000) {
            return new double[0];
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = first + i * s;
            if (Math.abs(t[i]) < s * 1e-9) {
                t[i] = 0;
            }
        }
        return t;
    }

    /** A label for tick value v with spacing s: as few decimals as the spacing needs. */
    public static String label(double v, double s) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(s) - 1e-9));
        if (Math.abs(v) >= 1e5 || (Math.abs(v) > 0 && Math.abs(v) < 1e-4)) {
            return String.format("%.1e", v);
        }
        return String.format("%." + Math.min(decimals, 6) + "f", v);
    }
}
