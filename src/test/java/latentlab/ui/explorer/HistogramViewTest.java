package latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The histogram under a slider is redrawn when the slider's width changes (a restored lesson used to show it stale). */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class HistogramViewTest {
    private HistogramView hist;

    @Start
    void start(Stage stage) {
        hist = new HistogramView(150, 16);
        stage.setScene(new Scene(new Pane(hist), 400, 40));
        stage.show();
    }

    /** x of the rightmost column with any drawn pixel. */
    private int lastInk() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            WritableImage img = hist.snapshot(null, null);
            int last = -1;
            for (int x = 0; x < (int) img.getWidth(); x++) {
                for (int y = 0; y < (int) img.getHeight(); y++) {
                    if (img.getPixelReader().getColor(x, y).getOpacity() > 0.5
                            && img.getPixelReader().getColor(x, y).getBrightness() < 0.9) {
                        last = x;
                    }
                }
            }
            return last;
        }).get();
    }

    @Test
    void barsSpanTheNewWidthAfterAResize() throws Exception {
        int[] counts = new int[40];
        java.util.Arrays.fill(counts, 5);
        WaitForAsyncUtils.asyncFx(() -> hist.setData(counts, 0, 1)).get();
        int before = lastInk();
        assertTrue(before > 140 && before < 150, "bars across 150 px: " + before);
        WaitForAsyncUtils.asyncFx(() -> hist.setWidth(300)).get();
        int after = lastInk();
        assertTrue(after > 290, "bars across the new 300 px: " + after);
    }
}
