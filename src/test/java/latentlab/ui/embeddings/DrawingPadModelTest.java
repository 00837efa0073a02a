package latentlab.ui.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import latentlab.embed.Brush;
import latentlab.embed.DigitFraming;
import org.junit.jupiter.api.Test;

/** The drawing pad's state without a display: strokes and undo, the undo limit, revisions, framing. */
class DrawingPadModelTest {
    @Test
    void aStrokeIsOneUndoableEditAndUndoKeepsAtMostTwentyEdits() {
        DrawingPad pad = new DrawingPad(28, 28);
        assertFalse(pad.undoAvailableProperty().get());
        pad.beginStroke(5.5, 5.5, false);
        pad.continueStroke(5.5, 5.5, 20.5, 5.5, false);
        pad.continueStroke(20.5, 5.5, 20.5, 20.5, false);
        pad.endStroke();
        float[] stroke = pad.image();
        assertTrue(stroke[5 * 28 + 12] > 0.9f, "ink along the stroke");
        pad.undo();
        assertTrue(pad.canvas().isEmpty(), "the whole stroke is one edit");
        assertFalse(pad.undoAvailableProperty().get());

        List<float[]> states = new ArrayList<>();
        for (int i = 0; i < DrawingPad.UNDO_LEVELS + 5; i++) {
            states.add(pad.image());
            pad.addNoise();
        }
        for (int i = 0; i < DrawingPad.UNDO_LEVELS; i++) {
            pad.undo();
        }
        assertArrayEquals(states.get(5), pad.image(), 0f, "twenty edits back");
        assertFalse(pad.undoAvailableProperty().get(), "and no further");
        pad.undo();
        assertArrayEquals(states.get(5), pad.image(), 0f);
    }

    @Test
    void theRevisionCountsChangesOfTheDrawingAndOfFramingAlsoForEditsMadeOnTheCanvas() {
        DrawingPad pad = new DrawingPad(28, 28);
        long r0 = pad.revisionProperty().get();
        long p0 = pad.pixelsRevisionProperty().get();
        pad.canvas().paint(14, 14, Brush.MNIST_LIKE);
        assertEquals(r0, pad.revisionProperty().get(), "an edit on the canvas itself counts once synced");
        pad.sync();
        assertEquals(r0 + 1, pad.revisionProperty().get());
        assertEquals(p0 + 1, pad.pixelsRevisionProperty().get());
        pad.centreProperty().set(false);
        assertEquals(r0 + 2, pad.revisionProperty().get(), "framing changes what is encoded");
        assertEquals(p0 + 1, pad.pixelsRevisionProperty().get(), "but not the pixels");
        float[] inked = pad.image();
        pad.clear();
        pad.clear();
        pad.undo();
        assertArrayEquals(inked, pad.image(), 0f, "clearing an empty pad is no edit to undo");
    }

    @Test
    void aDigitInACornerIsEncodedFramedAndPreviewedUnlessCentringIsOff() {
        DrawingPad pad = new DrawingPad(28, 28);
        assertNull(pad.previewProperty().get(), "nothing drawn, nothing to preview");
        pad.beginStroke(3, 3, false);
        pad.continueStroke(3, 3, 3, 10, false);
        pad.endStroke();
        float[] drawn = pad.image();
        float[] framed = DigitFraming.frame(drawn, 28, 28);
        assertArrayEquals(framed, pad.encodedImage(), 0f, "centred like MNIST before it is encoded");
        assertNotNull(pad.previewProperty().get(), "and the preview shows it");
        pad.centreProperty().set(false);
        assertArrayEquals(drawn, pad.encodedImage(), 0f);
        assertNull(pad.previewProperty().get());

        pad.centreProperty().set(true);
        pad.setImage(framed);
        assertFalse(pad.centreProperty().get(), "a loaded image is framed already");
        assertArrayEquals(framed, pad.encodedImage(), 0f);
        pad.undo();
        assertArrayEquals(drawn, pad.image(), 0f, "loading is undoable");
    }

    @Test
    void coverBlanksItsPart() {
        assertArrayEquals(new int[] {7, 7, 14, 14}, DrawingPad.Part.CENTRE.rectangle(28, 28));
        assertArrayEquals(new int[] {0, 14, 28, 14}, DrawingPad.Part.RIGHT_HALF.rectangle(28, 28));
        DrawingPad pad = new DrawingPad(28, 28);
        pad.setImage(filled());
        pad.cover(DrawingPad.Part.BOTTOM_HALF);
        float[] img = pad.image();
        assertEquals(1f, img[13 * 28 + 3]);
        assertEquals(0f, img[14 * 28 + 3]);
    }

    private static float[] filled() {
        float[] f = new float[28 * 28];
        java.util.Arrays.fill(f, 1f);
        return f;
    }
}
