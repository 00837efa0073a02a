package latentlab.ui.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.Callable;

import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.embed.Brush;
import latentlab.eval.Encoding;
import latentlab.io.model.ModelFile;
import latentlab.nn.Codec;
import latentlab.testing.FxPulses;
import latentlab.testing.SharedMnist;
import latentlab.ui.common.Appearance;
import latentlab.ui.shell.DatasetSession;
import latentlab.ui.shell.MainView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The drawing pad driven with the mouse: strokes, the eraser, the tools, undo, and its encoding end to end. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class DrawingPadTest {
    private static final int N = 28;
    private DrawingPadView pad;

    @Start
    void start(Stage stage) {
        pad = new DrawingPadView(new Appearance(), N, N);
        VBox root = new VBox(pad);
        root.setPadding(new Insets(12));
        Scene scene = new Scene(root, 380, 680);
        MainView.applyStyles(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private Point2D at(double x, double y) throws Exception {
        return fx(() -> pad.screenPoint(x, y));
    }

    /** A mouse drag on the pad from canvas point (x0, y0) to (x1, y1). */
    private void drag(FxRobot robot, MouseButton button, double x0, double y0, double x1, double y1) throws Exception {
        Point2D from = at(x0, y0);
        Point2D to = at(x1, y1);
        robot.drag(from, button).moveTo(to).release(button);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private float[] image() throws Exception {
        return fx(() -> pad.image());
    }

    private static float px(float[] img, int row, int col) {
        return img[row * N + col];
    }

    /** Distance from pixel (row, col)'s centre to the segment (x0, y0)-(x1, y1). */
    private static double distance(int row, int col, double x0, double y0, double x1, double y1) {
        double px = col + 0.5;
        double py = row + 0.5;
        double dx = x1 - x0;
        double dy = y1 - y0;
        double t = Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(px - x0 - t * dx, py - y0 - t * dy);
    }

    @Test
    void aDragPaintsInkAlongItsPathAndNowhereElse(FxRobot robot) throws Exception {
        assertEquals(10, (int) fx(() -> pad.cellSize()), "10 screen pixels per image pixel for 28 x 28");
        drag(robot, MouseButton.PRIMARY, 4.5, 6.5, 23.5, 20.5);
        float[] img = image();
        int under = 0;
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                double d = distance(r, c, 4.5, 6.5, 23.5, 20.5);
                if (d < 0.3) {
                    under++;
                    assertTrue(px(img, r, c) > 0.5, "ink under the path at (" + r + ", " + c + "): " + px(img, r, c));
                }
                // A screen pixel is a tenth of an image pixel: allow that much for the mouse's rounding.
                if (d > Brush.MNIST_LIKE.radius() + 0.2) {
                    assertEquals(0f, px(img, r, c), "no ink far from the path at (" + r + ", " + c + ")");
                }
            }
        }
        assertTrue(under >= 10, "pixels under the path: " + under);
        // No gaps however fast the mouse moved: every column the path crosses has solid ink.
        for (int c = 5; c <= 22; c++) {
            float column = 0;
            for (int r = 0; r < N; r++) {
                column = Math.max(column, px(img, r, c));
            }
            assertTrue(column > 0.9, "solid ink in column " + c + ": " + column);
        }
    }

    @Test
    void theRightButtonAndShiftDragErase(FxRobot robot) throws Exception {
        drag(robot, MouseButton.PRIMARY, 3.5, 14.5, 24.5, 14.5);
        float[] drawn = image();
        for (int c = 4; c <= 24; c++) {
            assertTrue(px(drawn, 14, c) > 0.9, "a solid line at column " + c);
        }
        drag(robot, MouseButton.SECONDARY, 10.5, 8.5, 10.5, 20.5);
        robot.press(KeyCode.SHIFT);
        try {
            drag(robot, MouseButton.PRIMARY, 18.5, 8.5, 18.5, 20.5);
        } finally {
            robot.release(KeyCode.SHIFT);
        }
        float[] cut = image();
        assertEquals(0f, px(cut, 14, 10), "cut by the right button");
        assertEquals(0f, px(cut, 14, 18), "cut by Shift + drag");
        for (int c : new int[] {5, 14, 23}) {
            assertEquals(px(drawn, 14, c), px(cut, 14, c), "ink away from the cuts stays, column " + c);
        }
    }

    @Test
    void clearEmptiesAndUndoRestoresEachEarlierImageExactly(FxRobot robot) throws Exception {
        drag(robot, MouseButton.PRIMARY, 14.5, 4.5, 14.5, 24.5);
        float[] one = image();
        drag(robot, MouseButton.PRIMARY, 6.5, 10.5, 22.5, 10.5);
        float[] two = image();
        assertFalse(Arrays.equals(one, two));
        robot.clickOn("#pad-clear");
        assertTrue(fx(() -> pad.canvas().isEmpty()), "Clear empties the pad");
        robot.clickOn("#pad-undo");
        assertArrayEquals(two, image(), 0f, "undo the clearing");
        robot.clickOn("#pad-undo");
        assertArrayEquals(one, image(), 0f, "undo the second stroke");
        robot.clickOn("#pad-undo");
        assertTrue(fx(() -> pad.canvas().isEmpty()), "undo the first stroke");
        assertTrue(fx(() -> robot.lookup("#pad-undo").queryAs(Button.class).isDisabled()), "nothing left to undo");
    }

    @Test
    void coverPartBlanksTheChosenHalf(FxRobot robot) throws Exception {
        drag(robot, MouseButton.PRIMARY, 14.5, 2.5, 14.5, 25.5);
        float[] before = image();
        robot.clickOn("#pad-cover");
        robot.clickOn("Top half");
        WaitForAsyncUtils.waitForFxEvents();
        float[] after = image();
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                if (r < N / 2) {
                    assertEquals(0f, px(after, r, c), "covered (" + r + ", " + c + ")");
                } else {
                    assertEquals(px(before, r, c), px(after, r, c), "uncovered (" + r + ", " + c + ")");
                }
            }
        }
        assertTrue(px(before, 5, 14) > 0.9 && px(after, 20, 14) > 0.9, "there was ink in both halves");
    }

    @Test
    void noiseAndMaskingAreTheSameOnEveryFreshPadAndAdvance(FxRobot robot) throws Exception {
        DrawingPadView other = fx(() -> new DrawingPadView(new Appearance(), N, N));
        robot.clickOn("#pad-noise");
        float[] once = image();
        robot.clickOn("#pad-noise");
        float[] twice = image();
        robot.clickOn("#pad-mask");
        float[] masked = image();
        fx(() -> {
            other.addNoise();
            other.addNoise();
            other.maskPixels();
            return null;
        });
        assertArrayEquals(masked, fx(other::image), 0f, "same presses on a fresh pad, same pixels");
        assertFalse(Arrays.equals(once, twice), "the generator advances: a second press adds different noise");
        long inkOnce = Arrays.stream(box(once)).filter(v -> v > 0).count();
        long inkTwice = Arrays.stream(box(twice)).filter(v -> v > 0).count();
        long inkMasked = Arrays.stream(box(masked)).filter(v -> v > 0).count();
        assertTrue(inkOnce > 200 && inkTwice > inkOnce, "noise lights pixels: " + inkOnce + " then " + inkTwice);
        assertTrue(inkMasked < inkTwice * 0.85 && inkMasked > inkTwice * 0.6,
                "masking switches off about a quarter: " + inkTwice + " -> " + inkMasked);
    }

    private static double[] box(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Test
    void theRevisionCountsEveryChangeAndNothingRedrawsWithoutOne(FxRobot robot) throws Exception {
        long r0 = fx(() -> pad.revisionProperty().get());
        drag(robot, MouseButton.PRIMARY, 8.5, 8.5, 20.5, 20.5);
        long r1 = fx(() -> pad.revisionProperty().get());
        assertTrue(r1 > r0, "a stroke: " + r0 + " -> " + r1);
        robot.clickOn("#pad-centre");
        long r2 = fx(() -> pad.revisionProperty().get());
        assertEquals(r1 + 1, r2, "toggling Centre like MNIST");
        assertFalse(fx(() -> pad.centreProperty().get()));
        robot.clickOn("#pad-centre");
        assertEquals(r2 + 1, (long) fx(() -> pad.revisionProperty().get()));

        long redraws = fx(() -> pad.redraws());
        FxPulses.await(10); // ten frames of the pad's redraw loop
        assertEquals(redraws, (long) fx(() -> pad.redraws()), "no redraw while nothing changes");
        fx(() -> {
            pad.canvas().paint(3, 3, Brush.MNIST_LIKE);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> fx(() -> pad.redraws()) > redraws);
        assertTrue(fx(() -> pad.revisionProperty().get()) > r2 + 1, "edits made on canvas() are noticed too");
    }

    @Test
    void aLoadedDigitRoundTripsAndIsEncodedAsItIs() throws Exception {
        Dataset test = SharedMnist.pair().test();
        float[] digit = test.image(0);
        long before = fx(() -> pad.revisionProperty().get());
        fx(() -> {
            pad.setImage(digit);
            return null;
        });
        assertArrayEquals(digit, image(), 0f, "image() gives back what was loaded");
        assertFalse(fx(() -> pad.centreProperty().get()), "a data set digit is framed already");
        assertArrayEquals(digit, fx(() -> pad.encodedImage()), 0f, "encoded exactly as loaded");
        assertTrue(fx(() -> pad.revisionProperty().get()) > before);
        fx(() -> {
            pad.centreProperty().set(true);
            return null;
        });
        assertArrayEquals(digit, fx(() -> pad.encodedImage()), 0f,
                "an MNIST digit is framed already: centring leaves it as it is");
        assertFalse(fx(() -> pad.lookup("#pad-preview").getParent().getParent().isVisible()),
                "so there is no 'as encoded' preview");
        fx(() -> {
            pad.canvas().occlude(0, 0, 28, 14);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> fx(() -> pad.lookup("#pad-preview").getParent().getParent().isVisible()));
        assertFalse(Arrays.equals(fx(() -> pad.image()), fx(() -> pad.encodedImage())),
                "half a digit is re-centred and enlarged: the preview shows what is encoded");
    }

    @Test
    void aDrawnOneIsEncodedNearTheOnesOfTheTestSet(FxRobot robot) throws Exception {
        drag(robot, MouseButton.PRIMARY, 15.5, 5.5, 13.5, 23.5);
        assertTrue(fx(() -> pad.centreProperty().get()), "centring is on by default");
        float[] encoded = fx(() -> pad.encodedImage());
        double ink = 0;
        for (float v : encoded) {
            ink += v;
        }
        assertTrue(ink > 20, "the stroke is there to encode: " + ink);
        Codec model = ModelFile.loadResource(DatasetSession.PRETRAINED).codec();
        Dataset test = SharedMnist.pair().test();
        int k = model.latentSize();
        float[] codes;
        try (ComputePool pool = new ComputePool(2)) {
            codes = Encoding.encode(model, test, pool);
        }
        double[][] centroid = new double[10][k];
        int[] count = new int[10];
        for (int i = 0; i < test.size(); i++) {
            int label = test.label(i);
            count[label]++;
            for (int j = 0; j < k; j++) {
                centroid[label][j] += codes[i * k + j];
            }
        }
        float[] a = model.encode(encoded);
        double[] dist = new double[10];
        int nearest = 0;
        for (int c = 0; c < 10; c++) {
            for (int j = 0; j < k; j++) {
                double d = a[j] - centroid[c][j] / count[c];
                dist[c] += d * d;
            }
            if (dist[c] < dist[nearest]) {
                nearest = c;
            }
        }
        assertEquals(1, nearest, "code " + Arrays.toString(a) + ", squared distances to the centroids "
                + Arrays.toString(dist));
    }
}
