package latentlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The class colours: the same in both themes, distinct, and readable on both plot backgrounds. */
class ThemeTest {
    /** WCAG 2.1 relative luminance of 0xRRGGBB. */
    static double luminance(int rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = ((rgb >> (16 - 8 * i)) & 0xFF) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    /** WCAG 2.1 contrast ratio, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter. */
    static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void presenterModeKeepsTheClassColours() {
        assertEquals(Theme.LIGHT.classColours(), Theme.DARK.classColours());
        for (int c = 0; c < 20; c++) {
            assertEquals(Theme.LIGHT.classColour(c), Theme.DARK.classColour(c), "class " + c);
        }
    }

    @Test
    void everyClassColourReadsOnBothBackgrounds() {
        Set<Integer> distinct = new HashSet<>();
        for (int c = 0; c < Theme.LIGHT.classColours(); c++) {
            int rgb = Theme.LIGHT.classColour(c);
            distinct.add(rgb);
            for (Theme t : Theme.values()) {
                double ratio = contrast(rgb, t.plotBackground());
                assertTrue(ratio >= 2.5, String.format("class %d (#%06X) on the %s plot: %.2f:1", c, rgb, t.id(),
                        ratio));
            }
        }
        assertEquals(10, distinct.size(), "ten different colours for MNIST's ten digits");
    }

    @Test
    void theContrastFormulaMatchesWcag() {
        assertEquals(21, contrast(0x000000, 0xFFFFFF), 1e-9);
        assertEquals(1, contrast(0x777777, 0x777777), 1e-9);
        assertEquals(4.48, contrast(0x777777, 0xFFFFFF), 0.01); // the usual "#777 on white fails AA" example
    }
}
