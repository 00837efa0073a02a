package latentlab.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import latentlab.compute.CancelledException;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.compute.TestPool;
import latentlab.data.Dataset;
import latentlab.math.Rng;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.nn.Codec;
import latentlab.pca.Pca;
import latentlab.testing.Cancelled;
import org.junit.jupiter.api.Test;

class ProbeTest {
    /** 8 x 8 images: class c lights a 2 x 8 band at row 2c (mod 8) in column half c / 4, plus noise. */
    static Dataset bands(int n, int classes, long seed) {
        Rng rng = new Rng(seed);
        byte[] px = new byte[n * 64];
        byte[] lab = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(classes);
            lab[i] = (byte) c;
            for (int r = 0; r < 8; r++) {
                for (int col = 0; col < 8; col++) {
                    boolean on = r / 2 == c % 4 && col / 4 == c / 4 % 2;
                    double v = (on ? 200 : 30) + 40 * rng.nextGaussian();
                    px[i * 64 + r * 8 + col] = (byte) Math.max(0, Math.min(255, (int) v));
                }
            }
        }
        return new Dataset("bands", 8, 8, px, lab);
    }

    static int[] counts(Dataset d, int[] chosen) {
        int[] c = new int[d.classCount()];
        for (int i : chosen) {
            c[d.label(i)]++;
        }
        return c;
    }

    @Test
    void theLabelledImagesAreASeededClassBalancedDraw() {
        Dataset d = bands(2000, 8, 1);
        int[] ten = Probe.chooseLabelled(d, 8, 5);
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1}, counts(d, ten), "one per class");
        int[] twenty = Probe.chooseLabelled(d, 20, 5);
        for (int c : counts(d, twenty)) {
            assertTrue(c == 2 || c == 3, Arrays.toString(counts(d, twenty)));
        }
        for (int r = 1; r < twenty.length; r++) {
            assertTrue(twenty[r] > twenty[r - 1], "increasing, no repeats");
        }
        assertArrayEquals(twenty, Probe.chooseLabelled(d, 20, 5), "same seed, same draw");
        assertFalse(Arrays.equals(twenty, Probe.chooseLabelled(d, 20, 6)), "another seed, another draw");
        int[] all = Probe.chooseLabelled(d, 2000, 5);
        assertEquals(2000, all.length);
        assertEquals(1999, all[1999]);
    }

    @Test
    void aRareClassGivesWhatItHasAndTheOthersFillIn() {
        // Class 2 has a single image.
        byte[] lab = new byte[300];
        for (int i = 0; i < 300; i++) {
            lab[i] = (byte) (i == 7 ? 2 : i % 2);
        }
        Dataset d = new Dataset("rare", 1, 1, new byte[300], lab);
        assertArrayEquals(new int[] {15, 14, 1}, largerFirst(counts(d, Probe.chooseLabelled(d, 30, 1))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Probe.chooseLabelled(d, 0, 1));
        assertTrue(e.getMessage().contains("between 1 and 300"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Probe.chooseLabelled(d, 301, 1));
    }

    /** The counts of classes 0 and 1 in some order (which gets the extra one is part of the seeded draw). */
    private static int[] largerFirst(int[] c) {
        return new int[] {Math.max(c[0], c[1]), Math.min(c[0], c[1]), c[2]};
    }

    @Test
    void probingComparesCodesPixelsAndPca() {
        Dataset train = bands(1500, 8, 2);
        Dataset test = bands(500, 8, 3);
        Codec net = Autoencoder.initialized(Architecture.mirrored(64, 16, 4), 1);
        try (ComputePool pool = new ComputePool(2)) {
            Codec pca = Pca.fit(train, pool, Progress.NONE).codec(4);
            Probe probe = new Probe(net, pca, train, test, pool);
            List<String> messages = new ArrayList<>();
            double[] last = {0};
            Progress recording = new Progress() {
                @Override
                public void update(double done, double total, String message) {
                    assertTrue(done >= last[0] - 1e-9 && done <= total, "moves forward: " + done + " / " + total);
                    last[0] = done;
                    messages.add(message);
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            Probe.Result r = probe.run(40, 1, recording);
            assertEquals(40, r.labelled());
            assertEquals(40, r.chosen().length);
            assertEquals(4, r.codeSize());
            // Bands are easy: pixels and 4 PCA components carry the class; an untrained net's codes less so.
            assertTrue(r.pixelsAccuracy() > 0.9, "pixels " + r.pixelsAccuracy());
            assertTrue(r.pcaAccuracy() > 0.5, "pca " + r.pcaAccuracy());
            assertTrue(r.codesAccuracy() >= 0 && r.codesAccuracy() <= 1);
            assertTrue(messages.contains("Classifier on pixels"), messages.toString());
            Probe.Result again = new Probe(net, pca, train, test, null).run(40, 1, Progress.NONE);
            assertEquals(r.codesAccuracy(), again.codesAccuracy(), 0, "same on one thread");
            assertEquals(r.pixelsAccuracy(), again.pixelsAccuracy(), 0);
            assertEquals(r.pcaAccuracy(), again.pcaAccuracy(), 0);
            Probe.Result all = probe.run(train.size(), 1, Progress.NONE);
            assertTrue(all.pixelsAccuracy() >= 0.95, "all labels: " + all.pixelsAccuracy());
        }
    }

    @Test
    void mismatchesAndCancellationAreReported() {
        Dataset train = bands(200, 4, 4);
        Dataset test = bands(50, 4, 5);
        Codec net = Autoencoder.initialized(Architecture.mirrored(64, 8, 2), 1);
        Codec pca3 = Pca.fit(train, TestPool.get(), Progress.NONE).codec(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Probe(net, pca3, train, test, null));
        assertTrue(e.getMessage().contains("PCA gives codes of size 3 but autoencoder"), e.getMessage());
        Codec other = Autoencoder.initialized(Architecture.mirrored(30, 2), 1);
        e = assertThrows(IllegalArgumentException.class, () -> new Probe(other, pca3, train, test, null));
        assertTrue(e.getMessage().contains("takes 30 inputs"), e.getMessage());
        Probe probe = new Probe(net, Pca.fit(train, TestPool.get(), Progress.NONE).codec(2), train, test, null);
        Progress cancelled = Cancelled.PROGRESS;
        assertThrows(CancelledException.class, () -> probe.run(10, 1, cancelled));
        e = assertThrows(IllegalArgumentException.class, () -> probe.run(201, 1, Progress.NONE));
        assertTrue(e.getMessage().contains("between 1 and 200"), e.getMessage());
    }

    @Test
    void aRunCancelledBetweenTheTwoEncodingsLeavesTheProbeUsable() {
        Dataset train = bands(200, 4, 6);
        Dataset test = bands(50, 4, 7);
        Codec net = Autoencoder.initialized(Architecture.mirrored(64, 8, 2), 1);
        Probe probe = new Probe(net, Pca.fit(train, TestPool.get(), Progress.NONE).codec(2), train, test, null);
        boolean[] cancel = {false};
        Progress cancelInPca = new Progress() {
            @Override
            public void update(double done, double total, String message) {
                cancel[0] |= message != null && message.startsWith("PCA codes of");
            }

            @Override
            public boolean isCancelled() {
                return cancel[0];
            }
        };
        assertThrows(latentlab.compute.CancelledException.class, () -> probe.run(20, 1, cancelInPca));
        Probe.Result r = probe.run(20, 1, Progress.NONE);
        Probe.Result fresh = new Probe(net, Pca.fit(train, TestPool.get(), Progress.NONE).codec(2), train, test, null).run(20, 1, Progress.NONE);
        assertEquals(fresh.pcaAccuracy(), r.pcaAccuracy(), 0, "the same as a probe that was never cancelled");
        assertEquals(fresh.codesAccuracy(), r.codesAccuracy(), 0);
    }
}
