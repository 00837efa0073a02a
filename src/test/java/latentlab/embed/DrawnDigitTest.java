package latentlab.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latentlab.compute.ComputePool;
import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;
import latentlab.eval.Encoding;
import latentlab.eval.KnnClassifier;
import latentlab.io.model.ModelFile;
import latentlab.nn.Codec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The drawing pad's encoding: digits drawn on the canvas with the MNIST-like brush, framed like MNIST, land among
 * training codes of the same digit under the bundled pre-trained net (k = 2), by 5-nearest-neighbour vote.
 */
@Tag("slow")
class DrawnDigitTest {
    private static ComputePool pool;
    private static Codec model;
    private static KnnClassifier knn;

    @BeforeAll
    static void encodeTheTrainingSet() throws Exception {
        pool = new ComputePool(2);
        model = ModelFile.loadResource("/latentlab/pretrained/mnist-784-256-64-2.llm").codec();
        DatasetPair pair = DatasetPair.open(DatasetLocator.bundledMnist().orElseThrow());
        float[] codes = Encoding.encode(model, pair.train(), pool);
        knn = new KnnClassifier(codes, KnnClassifier.labels(pair.train()), model.latentSize(), 5);
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    private static int classify(DrawingCanvas canvas, boolean framed) {
        float[] image = framed ? DigitFraming.frame(canvas.toImage(), 28, 28) : canvas.toImage();
        return knn.predict(model.encode(image), pool)[0];
    }

    static void ellipse(DrawingCanvas c, double cx, double cy, double rx, double ry, Brush b) {
        int n = 40;
        for (int i = 0; i < n; i++) {
            double a0 = 2 * Math.PI * i / n;
            double a1 = 2 * Math.PI * (i + 1) / n;
            c.stroke(cx + rx * Math.cos(a0), cy + ry * Math.sin(a0), cx + rx * Math.cos(a1), cy + ry * Math.sin(a1), b);
        }
    }

    @Test
    void drawnDigitsEncodeNearTheirKind() {
        DrawingCanvas one = new DrawingCanvas(28, 28);
        one.stroke(15, 4, 13, 24, Brush.MNIST_LIKE);
        assertEquals(1, classify(one, true));
        assertEquals(1, classify(one, false), "already MNIST-sized and centred");

        DrawingCanvas zero = new DrawingCanvas(28, 28);
        ellipse(zero, 14, 14, 6, 9, Brush.MNIST_LIKE);
        assertEquals(0, classify(zero, true));

        DrawingCanvas seven = new DrawingCanvas(28, 28);
        seven.stroke(8, 6, 20, 6, Brush.MNIST_LIKE);
        seven.stroke(20, 6, 12, 23, Brush.MNIST_LIKE);
        assertEquals(7, classify(seven, true));
    }

    @Test
    void framingRescuesADigitDrawnLargeAndOffCentre() {
        DrawingCanvas one = new DrawingCanvas(28, 28);
        one.stroke(3, 1, 5, 27, new Brush(2.5, 0.6));
        assertNotEquals(1, classify(one, false), "unframed, it does not look like MNIST's ones");
        assertEquals(1, classify(one, true));
    }

    @Test
    void framingPutsTheCentreOfMassInTheMiddleAndFitsTheInkIn20Pixels() {
        DrawingCanvas c = new DrawingCanvas(28, 28);
        c.stroke(2, 2, 9, 2, new Brush(1, 0));
        c.stroke(2, 2, 2, 6, new Brush(1, 0));
        float[] framed = DigitFraming.frame(c.toImage(), 28, 28);
        double mass = 0;
        double my = 0;
        double mx = 0;
        int top = 28;
        int bottom = -1;
        int left = 28;
        int right = -1;
        for (int r = 0; r < 28; r++) {
            for (int col = 0; col < 28; col++) {
                float v = framed[r * 28 + col];
                assertTrue(v >= 0 && v <= 1);
                mass += v;
                my += v * (r + 0.5);
                mx += v * (col + 0.5);
                if (v > 0.5) { // half intensity: the resampling blurs the edges a little
                    top = Math.min(top, r);
                    bottom = Math.max(bottom, r);
                    left = Math.min(left, col);
                    right = Math.max(right, col);
                }
            }
        }
        assertEquals(14.5, my / mass, 0.3, "centre of mass, row: the centre of pixel 14, as in MNIST");
        assertEquals(14.5, mx / mass, 0.3, "centre of mass, column");
        int width = right - left + 1;
        assertTrue(width >= 18 && width <= 22, "the longer side is scaled to about 20 pixels: " + width);
        assertTrue(bottom - top + 1 < width, "aspect ratio kept");
        assertArrayEquals(new float[784], DigitFraming.frame(new float[784], 28, 28), 0f, "an empty pad stays empty");
    }

    @org.junit.jupiter.api.Test
    void anMnistDigitIsOnlyMovedByWholePixelsNotResampled() throws Exception {
        latentlab.data.Dataset test = latentlab.data.DatasetPair.open(
                latentlab.data.DatasetLocator.bundledMnist().orElseThrow()).test();
        int unchanged = 0;
        for (int i = 0; i < 500; i++) {
            float[] x = test.image(i);
            float[] f = DigitFraming.frame(x, 28, 28);
            double inkX = 0;
            double inkF = 0;
            for (int j = 0; j < 784; j++) {
                inkX += x[j];
                inkF += f[j];
            }
            org.junit.jupiter.api.Assertions.assertEquals(inkX, inkF, 1e-3, "image " + i + ": the same ink, moved");
            java.util.Arrays.sort(x);
            float[] g = f.clone();
            java.util.Arrays.sort(g);
            org.junit.jupiter.api.Assertions.assertArrayEquals(x, g, "image " + i + ": the same pixel values");
            unchanged += java.util.Arrays.equals(test.image(i), f) ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(unchanged > 200, "most are already centred: " + unchanged);
    }
}
