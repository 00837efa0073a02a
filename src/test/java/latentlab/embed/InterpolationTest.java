package latentlab.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import latentlab.math.Rng;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.nn.Codec;
import org.junit.jupiter.api.Test;

/** Interpolation and latent arithmetic: exact endpoints, exact a - a + c, and their decodes. */
class InterpolationTest {
    static final Codec NET = Autoencoder.initialized(Architecture.mirrored(30, 12, 3), 4);

    static float[] randomImage(long seed, int d) {
        Rng rng = new Rng(seed);
        float[] x = new float[d];
        for (int i = 0; i < d; i++) {
            x[i] = (float) rng.nextDouble();
        }
        return x;
    }

    static float[] step(float[] path, int i, int size) {
        return Arrays.copyOfRange(path, i * size, (i + 1) * size);
    }

    @Test
    void thePathStartsAndEndsExactlyAtTheTwoVectors() {
        Rng rng = new Rng(1);
        for (int steps : new int[] {2, 3, 8, 101}) {
            float[] a = new float[7];
            float[] b = new float[7];
            for (int p = 0; p < 7; p++) {
                a[p] = (float) (rng.nextGaussian() * 1e3);
                b[p] = (float) rng.nextGaussian();
            }
            float[] path = Interpolation.path(a, b, steps);
            assertEquals(steps * 7, path.length);
            assertArrayEquals(a, step(path, 0, 7), 0f);
            assertArrayEquals(b, step(path, steps - 1, 7), 0f);
            for (int i = 0; i < steps; i++) {
                double t = i / (steps - 1.0);
                for (int p = 0; p < 7; p++) {
                    assertEquals((1 - t) * a[p] + t * b[p], path[i * 7 + p], 1e-3, "on the straight line");
                }
            }
        }
        float[] inf = {Float.POSITIVE_INFINITY, 1};
        float[] path = Interpolation.path(inf, new float[] {0, 2}, 3);
        assertArrayEquals(new float[] {0, 2}, step(path, 2, 2), 0f, "exact even where 0 * inf would be NaN");
    }

    @Test
    void theMidpointOfTheCrossFadeIsTheAverageImage() {
        float[] x = {0, 1, 0.5f, 0.25f};
        float[] y = {1, 0, 0.5f, 0.75f};
        float[] fade = Interpolation.crossFade(x, y, 3);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, step(fade, 1, 4), 0f);
        assertArrayEquals(x, step(fade, 0, 4), 0f);
        assertArrayEquals(y, step(fade, 2, 4), 0f);
    }

    @Test
    void theFilmstripStartsAtTheCodeAndDecodeOfEachImage() {
        float[] x = randomImage(2, 30);
        float[] y = randomImage(3, 30);
        Interpolation.Filmstrip f = Interpolation.between(NET, x, y, 6);
        assertEquals(6, f.steps());
        assertEquals(3, f.codeSize());
        assertEquals(30, f.imageSize());
        assertArrayEquals(NET.encode(x), f.code(0), 0f);
        assertArrayEquals(NET.encode(y), f.code(5), 0f);
        // A batch decode and a single decode compute each value the same way.
        assertArrayEquals(NET.decode(NET.encode(x)), f.image(0), 1e-6f);
        assertArrayEquals(NET.decode(NET.encode(y)), f.image(5), 1e-6f);
        assertArrayEquals(NET.decode(f.code(2)), f.image(2), 1e-6f);
        assertArrayEquals(f.images(), Interpolation.decodePath(NET, f.codes()), 0f);
    }

    @Test
    void badPathsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Interpolation.path(new float[2], new float[2], 1));
        assertTrue(e.getMessage().contains("at least 2 steps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Interpolation.path(new float[2], new float[3], 4));
        assertTrue(e.getMessage().contains("lengths 2 and 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Interpolation.decodePath(NET, new float[7]));
        assertTrue(e.getMessage().contains("codes of size 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Interpolation.between(NET, new float[29],
                new float[30], 3));
        assertTrue(e.getMessage().contains("takes 30 pixels"), e.getMessage());
    }

    @Test
    void aMinusAPlusCIsExactlyC() {
        Rng rng = new Rng(5);
        for (int trial = 0; trial < 100; trial++) {
            float[] a = new float[5];
            float[] c = new float[5];
            for (int p = 0; p < 5; p++) {
                a[p] = (float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(7) - 3));
                c[p] = (float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(7) - 3));
            }
            assertArrayEquals(c, LatentArithmetic.combine(a, a, c), 0f);
            assertArrayEquals(a, LatentArithmetic.combine(a, c, c), 1e-6f * 1e3f, "a - c + c = a up to rounding");
        }
        assertArrayEquals(new float[] {4, -1}, LatentArithmetic.combine(new float[] {3, 1}, new float[] {1, 2},
                new float[] {2, 0}), 0f);
    }

    @Test
    void arithmeticOnImagesDecodesTheCombinedCode() {
        float[] a = randomImage(7, 30);
        float[] b = randomImage(8, 30);
        float[] c = randomImage(9, 30);
        LatentArithmetic.Result r = LatentArithmetic.apply(NET, a, b, c);
        assertArrayEquals(NET.encode(a), r.a(), 0f);
        assertArrayEquals(LatentArithmetic.combine(r.a(), r.b(), r.c()), r.code(), 0f);
        assertArrayEquals(NET.decode(r.code()), r.decoded(), 0f);
        LatentArithmetic.Result same = LatentArithmetic.apply(NET, a, a, c);
        assertArrayEquals(NET.encode(c), same.code(), 0f);
        assertArrayEquals(NET.decode(NET.encode(c)), same.decoded(), 0f, "h(g(a) - g(a) + g(c)) = h(g(c))");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatentArithmetic.apply(NET, a, new float[3], c));
        assertTrue(e.getMessage().contains("image B has 3 pixels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LatentArithmetic.combine(new float[2], new float[2], new float[1]));
        assertTrue(e.getMessage().contains("different lengths"), e.getMessage());
    }
}
