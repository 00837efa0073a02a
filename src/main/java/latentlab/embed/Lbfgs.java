package latentlab.embed;

import latentlab.compute.Progress;

/**
 * Limited-memory BFGS for smooth, strictly convex objectives (Nocedal and Wright, <i>Numerical Optimization</i>,
 * 2nd ed., 2006, Algorithms 7.4 and 7.5), with a backtracking Armijo line search. The initial inverse Hessian of
 * each iteration is gamma I with gamma = s.y / y.y from the newest pair (their eq. 7.20). Correction pairs with
 * s.y &lt;= 0 (impossible for a strictly convex f, but possible through rounding) are skipped. Double precision;
 * no randomness, so the same objective gives the same iterates.
 */
final class Lbfgs {
    private static final double ARMIJO = 1e-4;
    private static final double RELATIVE_DECREASE = 2.2e-9;
    private static final int MAX_BACKTRACKS = 20;

    private Lbfgs() {
    }

    /** An objective: writes the gradient at x into {@code gradient} and returns f(x). */
    interface Function {
        int size();

        double evaluate(double[] x, double[] gradient);
    }

    /** The minimiser found, f there, iterations and objective evaluations used, and why it stopped. */
    record Result(double[] x, double f, int iterations, int evaluations, String stopReason) {
    }

    static Result minimise(Function fn, double[] x0, LogisticRegression.Options options, Progress progress) {
        int size = fn.size();
        int m = options.memory();
        double[] x = x0.clone();
        double[] g = new double[size];
        double f = fn.evaluate(x, g);
        int evaluations = 1;
        double[][] s = new double[m][size];
        double[][] y = new double[m][size];
        double[] rho = new double[m];
        double[] alpha = new double[m];
        int stored = 0;
        int newest = -1;
        double[] d = new double[size];
        double[] xNew = new double[size];
        double[] gNew = new double[size];
        String reason = "iteration limit";
        int iteration = 0;
        if (maxAbs(g) <= options.gradientTolerance()) {
            return new Result(x, f, 0, evaluations, "gradient below tolerance");
        }
        while (iteration < options.maxIterations()) {
            progress.checkCancelled();
            iteration++;
            // Two-loop recursion: d = -H g.
            System.arraycopy(g, 0, d, 0, size);
            for (int j = 0; j < stored; j++) {
                int i = Math.floorMod(newest - j, m);
                alpha[i] = rho[i] * dot(s[i], d);
                axpy(-alpha[i], y[i], d);
            }
            if (stored > 0) {
                double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
                scale(gamma, d);
            }
            for (int j = stored - 1; j >= 0; j--) {
                int i = Math.floorMod(newest - j, m);
                double beta = rho[i] * dot(y[i], d);
                axpy(alpha[i] - beta, s[i], d);
            }
            scale(-1, d);
            double slope = dot(g, d);
            if (!(slope < 0)) {
                // Not a descent direction (rounding): forget the curvature and go downhill.
                stored = 0;
                System.arraycopy(g, 0, d, 0, size);
                scale(-1, d);
                slope = dot(g, d);
            }
            double step = stored == 0 ? 1 / Math.max(1, Math.sqrt(-slope)) : 1;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int trial = 0; trial <= MAX_BACKTRACKS; trial++) {
                for (int i = 0; i < size; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                progress.checkCancelled();
                fNew = fn.evaluate(xNew, gNew);
                evaluations++;
                if (fNew <= f + ARMIJO * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                reason = "no further decrease (float precision)";
                iteration--;
                break;
            }
            // s = xNew - x, y = gNew - g, into the oldest slot.
            int slot = (newest + 1) % m;
            double sy = 0;
            for (int i = 0; i < size; i++) {
                s[slot][i] = xNew[i] - x[i];
                y[slot][i] = gNew[i] - g[i];
                sy += s[slot][i] * y[slot][i];
            }
            if (sy > 0) {
                rho[slot] = 1 / sy;
                newest = slot;
                stored = Math.min(stored + 1, m);
            }
            double decrease = f - fNew;
            System.arraycopy(xNew, 0, x, 0, size);
            System.arraycopy(gNew, 0, g, 0, size);
            f = fNew;
            progress.update(iteration, options.maxIterations(), String.format("Logistic regression: iteration %d, "
                    + "loss %.5f", iteration, f));
            if (maxAbs(g) <= options.gradientTolerance()) {
                reason = "gradient below tolerance";
                break;
            }
            if (decrease <= RELATIVE_DECREASE * Math.max(1, Math.abs(f))) {
                reason = "loss no longer decreasing";
                break;
            }
        }
        return new Result(x, f, iteration, evaluations, reason);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double a, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
