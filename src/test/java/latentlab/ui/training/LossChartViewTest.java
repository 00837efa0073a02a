package latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.text.Font;
import javafx.scene.text.Text;
import latentlab.train.LossTrace;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The loss axis makes room for its labels: ordinary losses keep the usual margin, huge ones widen it. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class LossChartViewTest {
    private static LossTrace.View trace(double... values) {
        LossTrace t = new LossTrace();
        for (int i = 0; i < values.length; i++) {
            t.add(i + 1, values[i]);
        }
        return t.view();
    }

    @Test
    void theMarginFitsTheWidestTickLabel() {
        Font font = Font.font("DejaVu Sans", 10.5);
        assertEquals(46, LossChartView.leftMargin(font, trace(170, 150, 140)), 1e-9, "ordinary losses");
        double huge = LossChartView.leftMargin(font, trace(140, 3e13, 1.5e14));
        Text label = new Text("1.5e+14");
        label.setFont(font);
        assertTrue(huge > label.getLayoutBounds().getWidth() + 5, "room for 1.5e+14: " + huge);
        Font large = Font.font("DejaVu Sans", 10.5 * 1.6);
        assertTrue(LossChartView.leftMargin(large, trace(140, 3e13, 1.5e14)) > huge, "larger text, wider margin");
    }
}
