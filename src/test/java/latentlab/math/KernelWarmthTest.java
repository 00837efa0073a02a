package latentlab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import latentlab.testing.ChildProcess;
import org.junit.jupiter.api.Test;

/**
 * The loss kernels' sums have the same bits whether the JVM runs them interpreted or compiled: a child JVM with
 * {@code -Xint} prints the sums of seeded inputs, and this JVM, after enough calls for the JIT to compile the
 * kernels, must print the same, in this JVM before and after. (On JDK 25, C2 compiles {@code reduceLanes(ADD)} to a
 * sum in another order than the interpreter's, which made a model's test error differ in the ninth digit between
 * two evaluations in one run.)
 */
class KernelWarmthTest {
    private static final int LEN = 4_000;
    private static final int CASES = 5;

    /** The sums of the seeded inputs, one hexadecimal double per line. */
    static List<String> sums(LossKernels k) {
        List<String> out = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(20261205);
        float[] dy = new float[LEN];
        for (int c = 0; c < CASES; c++) {
            float[] y = new float[LEN];
            float[] x = new float[LEN];
            for (int i = 0; i < LEN; i++) {
                y[i] = (float) rng.nextGaussian();
                x[i] = (float) rng.nextDouble();
            }
            // Odd lengths and offsets give every path a tail as well as whole vectors.
            int len = c == 0 ? 784 : LEN - 7 - c;
            out.add(Double.toHexString(k.squaredError(y, c, x, c, dy, 1f, len)));
            out.add(Double.toHexString(k.bceWithLogits(y, c, x, c, dy, 1f, len)));
            out.add(Double.toHexString(k.sumOfSquares(y, c, len)));
        }
        return out;
    }

    public static void main(String[] args) {
        sums(LossKernels.get()).forEach(System.out::println);
    }

    @Test
    void compiledSumsHaveTheInterpretedBits() throws Exception {
        LossKernels k = LossKernels.get();
        List<String> first = sums(k);
        for (int i = 0; i < 400; i++) {
            sums(k);
        }
        List<String> warm = sums(k);
        assertEquals(first, warm, "same bits before and after compilation in this JVM");
        for (String tier : List.of("-Xint", "-XX:TieredStopAtLevel=1")) {
            ChildProcess.Result r = ChildProcess.run(new ProcessBuilder(ChildProcess.java(
                    List.of(tier, "--add-modules=jdk.incubator.vector"), KernelWarmthTest.class.getName())), 120);
            assertTrue(r.ended(), tier + ": the child JVM ended in time: " + r.both());
            assertEquals(0, r.exitValue(), r.both());
            assertEquals(warm, r.out().lines().filter(l -> l.startsWith("0x") || l.startsWith("-0x")).toList(),
                    "the sums with " + tier);
        }
    }
}
