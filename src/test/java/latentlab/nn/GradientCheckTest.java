package latentlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;

import latentlab.math.ActivationKernels;
import latentlab.math.KernelSet;
import latentlab.nn.activation.Activation;
import latentlab.nn.activation.Elu;
import latentlab.nn.activation.Identity;
import latentlab.nn.activation.LeakyRelu;
import latentlab.nn.activation.Relu;
import latentlab.nn.activation.Sigmoid;
import latentlab.nn.activation.Tanh;
import latentlab.nn.loss.BinaryCrossEntropy;
import latentlab.nn.loss.Loss;
import latentlab.nn.loss.SquaredError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central-difference gradient checks in double precision for every activation, both losses and the dense layers
 * they sit in; then the float32 implementation (vector and scalar kernels) against the checked reference.
 */
class GradientCheckTest {
    private static final double H = 1e-5;

    static Stream<Arguments> networks() {
        Activation[] hidden = {new Relu(), new LeakyRelu(), new Elu(), new Tanh(), new Sigmoid(), new Identity()};
        Stream.Builder<Arguments> b = Stream.builder();
        for (Activation h : hidden) {
            // Every activation as hidden layer, with both losses.
            b.add(Arguments.of(new Architecture(new int[] {7, 5, 3}, new int[] {3, 4, 7}, h, new Identity(),
                    new Sigmoid()), new BinaryCrossEntropy()));
            b.add(Arguments.of(new Architecture(new int[] {7, 5, 3}, new int[] {3, 4, 7}, h, new Identity(),
                    new Sigmoid()), new SquaredError()));
            // ... as code layer and as output layer (squared error works with any output).
            b.add(Arguments.of(new Architecture(new int[] {6, 4, 2}, new int[] {2, 6}, new Tanh(), h, h),
                    new SquaredError()));
        }
        // Deeper, uneven decoder, odd sizes.
        b.add(Arguments.of(new Architecture(new int[] {9, 8, 6, 5, 3}, new int[] {3, 7, 9}, new LeakyRelu(), new Tanh(),
                new Sigmoid()), new BinaryCrossEntropy()));
        return b.build();
    }

    private static double[] randomParams(Architecture a, Random r) {
        double[] p = new double[(int) a.parameterCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextGaussian() * 0.7;
        }
        return p;
    }

    private static double[] randomImages(int n, int d, Random r) {
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        return x;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("networks")
    void backpropagationMatchesCentralDifferencesInDoublePrecision(Architecture arch, Loss loss) {
        Random r = new Random(arch.hashCode() + loss.name().hashCode());
        ReferenceNet net = new ReferenceNet(arch, loss);
        double[] p = randomParams(arch, r);
        int n = 3;
        double[] x = randomImages(n, arch.inputSize(), r);
        double[] g = net.gradient(p, x, n);
        double worst = 0;
        for (int i = 0; i < p.length; i++) {
            double keep = p[i];
            p[i] = keep + H;
            double up = net.loss(p, x, n);
            p[i] = keep - H;
            double down = net.loss(p, x, n);
            p[i] = keep;
            double numeric = (up - down) / (2 * H);
            double rel = Math.abs(numeric - g[i]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(g[i]));
            worst = Math.max(worst, rel);
        }
        System.out.printf("gradient check %s %s: worst relative error %.2e%n", arch, loss.name(), worst);
        assertTrue(worst < 1e-6, "worst relative error " + worst);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("networks")
    void floatImplementationMatchesTheCheckedReference(Architecture arch, Loss loss) {
        for (KernelSet k : new KernelSet[] {KernelSet.get(), KernelSet.scalar()}) {
            Random r = new Random(11);
            double[] p = randomParams(arch, r);
            int n = 5;
            double[] x = randomImages(n, arch.inputSize(), r);
            Autoencoder ae = new Autoencoder(arch);
            float[] fp = ae.parameters();
            for (int i = 0; i < p.length; i++) {
                fp[i] = (float) p[i];
                p[i] = fp[i];
            }
            float[] fx = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                fx[i] = (float) x[i];
                x[i] = fx[i];
            }
            float[] grad = new float[p.length];
            // Two slices of rows, as two threads would run them; their gradients add up.
            float[] grad2 = new float[p.length];
            Workspace ws = new Workspace(arch, n);
            double l1 = ae.forwardBackward(k, fx, 0, 2, loss, 1f / n, ws, grad);
            double l2 = ae.forwardBackward(k, fx, 2, n, loss, 1f / n, ws, grad2);
            ReferenceNet ref = new ReferenceNet(arch, loss);
            double[] g = ref.gradient(p, x, n);
            assertEquals(ref.loss(p, x, n), (l1 + l2) / n, 1e-5 * Math.max(1, ref.loss(p, x, n)),
                    k.matrix().description());
            double scale = 0;
            for (double v : g) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < p.length; i++) {
                assertEquals(g[i], grad[i] + grad2[i], 1e-4 * scale + 1e-6,
                        k.matrix().description() + " parameter " + i);
            }
        }
    }

    static Stream<Activation> activations() {
        return Stream.of(new Relu(), new LeakyRelu(), new Tanh(), new Sigmoid(), new Identity());
    }

    @ParameterizedTest
    @MethodSource("activations")
    void activationDerivativeMatchesCentralDifferences(Activation f) {
        for (double z = -4.05; z < 4; z += 0.1) {
            double numeric = (f.apply(z + H) - f.apply(z - H)) / (2 * H);
            assertEquals(numeric, f.derivative(z, f.apply(z)), 1e-8, f.name() + " at " + z);
        }
        // The float kernels compute the same function and derivative.
        float[] z = {-3f, -0.5f, 0.25f, 2f};
        float[] y = new float[4];
        float[] dy = {1f, 2f, -1f, 0.5f};
        float[] dz = new float[4];
        f.forward(ActivationKernels.get(), z, y, 0, 4);
        f.backward(ActivationKernels.get(), z, y, dy, dz, 0, 4);
        for (int i = 0; i < 4; i++) {
            assertEquals(f.apply(z[i]), y[i], 1e-6);
            assertEquals(dy[i] * f.derivative(z[i], f.apply(z[i])), dz[i], 1e-6);
        }
    }

    static Stream<Arguments> losses() {
        return Stream.of(Arguments.of(new BinaryCrossEntropy(), new Sigmoid()), Arguments.of(new SquaredError(), new Sigmoid()),
                Arguments.of(new SquaredError(), new Identity()), Arguments.of(new SquaredError(), new Tanh()));
    }

    @ParameterizedTest
    @MethodSource("losses")
    void lossGradientMatchesCentralDifferences(Loss loss, Activation out) {
        for (double x : new double[] {0, 0.3, 1}) {
            for (double z = -6.05; z < 6; z += 0.5) {
                double up = loss.value(x, z + H, out.apply(z + H));
                double down = loss.value(x, z - H, out.apply(z - H));
                double numeric = (up - down) / (2 * H);
                assertEquals(numeric, loss.gradient(x, z, out.apply(z), out), 1e-7, loss.name() + " x=" + x + " z=" + z);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("losses")
    void crossEntropyValueIsTheTextbookFormula(Loss loss, Activation out) {
        if (!(loss instanceof BinaryCrossEntropy)) {
            return;
        }
        for (double z = -5; z <= 5; z += 0.5) {
            double s = out.apply(z);
            double x = 0.3;
            assertEquals(-x * Math.log(s) - (1 - x) * Math.log(1 - s), loss.value(x, z, s), 1e-12);
        }
    }

    static Stream<Arguments> variational() {
        return Stream.of(
                Arguments.of(new Architecture(new int[] {6, 5, 2}, new int[] {2, 4, 6}, new Relu(), new Identity(),
                        new Sigmoid(), true), new BinaryCrossEntropy(), 1.0),
                Arguments.of(new Architecture(new int[] {7, 3}, new int[] {3, 5, 7}, new Tanh(), new Identity(),
                        new Sigmoid(), true), new SquaredError(), 4.0),
                Arguments.of(new Architecture(new int[] {5, 6, 4, 2}, new int[] {2, 5}, new LeakyRelu(), new Identity(),
                        new Identity(), true), new SquaredError(), 0.3));
    }

    @ParameterizedTest(name = "{0} {1} beta={2}")
    @MethodSource("variational")
    void vaeKlTermAndReparameterisedPathMatchCentralDifferences(Architecture arch, Loss loss, double beta) {
        Random r = new Random(31);
        int n = 3;
        int k = arch.latentSize();
        double[] eps = new double[n * k];
        for (int i = 0; i < eps.length; i++) {
            eps[i] = r.nextGaussian();
        }
        ReferenceNet net = new ReferenceNet(arch, loss, beta, eps);
        double[] p = randomParams(arch, r);
        for (int i = 0; i < p.length; i++) {
            p[i] *= 0.5;
        }
        double[] x = randomImages(n, arch.inputSize(), r);
        double[] g = net.gradient(p, x, n);
        double worst = 0;
        for (int i = 0; i < p.length; i++) {
            double keep = p[i];
            p[i] = keep + H;
            double up = net.loss(p, x, n);
            p[i] = keep - H;
            double down = net.loss(p, x, n);
            p[i] = keep;
            double numeric = (up - down) / (2 * H);
            worst = Math.max(worst, Math.abs(numeric - g[i]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(g[i])));
        }
        System.out.printf("gradient check VAE %s %s beta %.1f: worst relative error %.2e%n", arch, loss.name(), beta, worst);
        assertTrue(worst < 1e-6, "worst relative error " + worst);
    }

    @ParameterizedTest(name = "{0} {1} beta={2}")
    @MethodSource("variational")
    void floatVaeMatchesTheCheckedReferenceWithTheSameNoise(Architecture arch, Loss loss, double beta) {
        Random r = new Random(32);
        int n = 4;
        int k = arch.latentSize();
        double[] p = randomParams(arch, r);
        Autoencoder ae = new Autoencoder(arch);
        float[] fp = ae.parameters();
        for (int i = 0; i < p.length; i++) {
            fp[i] = (float) (p[i] * 0.5);
            p[i] = fp[i];
        }
        double[] x = randomImages(n, arch.inputSize(), r);
        float[] fx = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            fx[i] = (float) x[i];
            x[i] = fx[i];
        }
        Workspace ws = new Workspace(arch, n);
        float[] grad = new float[p.length];
        double[] kl = new double[1];
        double recon = ae.forwardBackward(KernelSet.get(), fx, 0, n, loss, 1f / n, ws, grad, beta, 77, kl);
        double[] eps = new double[n * k];
        for (int i = 0; i < eps.length; i++) {
            eps[i] = ws.eps[i];
        }
        ReferenceNet ref = new ReferenceNet(arch, loss, beta, eps);
        assertEquals(ref.loss(p, x, n), (recon + beta * kl[0]) / n, 1e-4 * Math.max(1, ref.loss(p, x, n)));
        double[] g = ref.gradient(p, x, n);
        double scale = 0;
        for (double v : g) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < p.length; i++) {
            assertEquals(g[i], grad[i], 1e-4 * scale + 1e-6, "parameter " + i);
        }
        // The noise depends on the seed and the row, not on how rows are split between threads.
        Workspace half = new Workspace(arch, n);
        ae.forwardBackward(KernelSet.get(), fx, 2, n, loss, 1f / n, half, new float[p.length], beta, 77, kl);
        assertEquals(ws.eps[2 * k], half.eps[0], "row 2 gets the same noise in a slice of its own");
        assertTrue(java.util.Arrays.stream(eps).anyMatch(v -> v != 0), "noise was drawn");
    }
}
