package latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;
import latentlab.nn.Autoencoder;
import latentlab.ui.common.DecodedImageView;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.shell.AppContext;
import latentlab.ui.shell.MainView;
import latentlab.ui.shell.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The VAE in the window: switching to it, sampling new digits, comparing with a plain autoencoder. */
@Tag("gui")
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class VaeUiTest {
    private AppContext model;
    private MainView view;

    @Start
    void start(Stage stage) {
        model = new AppContext();
        view = TestWindow.show(stage, model, 1400, 900);
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.close(model);
    }

    private static int[] pixels(DecodedImageView v) {
        int[] p = new int[40 * 40];
        for (int i = 0; i < p.length; i++) {
            p[i] = v.pixel(i / 40, i % 40);
        }
        return p;
    }

    @Test
    void aVaeTrainsAndSampleProducesNewDecodedImages(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.autoencoderSpace().getCodes() != null);
        // The check box sits low in the scrolled panel; set it as a click would.
        robot.interact(() -> robot.lookup("#variational").queryAs(javafx.scene.control.CheckBox.class).fire());
        assertTrue(model.training().settingsChangedProperty().get(), "turning the VAE on needs a new network");
        robot.interact(() -> model.training().applySettings());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.training().getSnapshot() != null
                && model.training().getSnapshot().model().architecture().isVariational());
        for (int i = 0; i < 30; i++) {
            robot.interact(() -> model.training().stepBatch());
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.training().getSnapshot().step() >= 30);
        assertTrue(Double.isFinite(model.training().getSnapshot().runningKl()), "the KL term is tracked");
        robot.clickOn("#sample");
        WaitForAsyncUtils.waitForFxEvents();
        DecodedImageView samples = robot.lookup("#prior-samples").queryAs(DecodedImageView.class);
        assertEquals("the network being trained", robot.lookup("#sample-source")
                .queryAs(javafx.scene.control.ChoiceBox.class).getValue(), "a VAE in training samples itself");
        int[] before = pixels(samples);
        long updates = samples.updates();
        robot.clickOn("#sample-again");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(samples.updates() > updates, "redrawn");
        assertFalse(java.util.Arrays.equals(before, pixels(samples)), "new codes give new images");
    }

    @Test
    void theComparisonShowsAPlainAutoencoderAndAVaeOnTheSameImages(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.autoencoderSpace().getCodes() != null);
        CompareWindow[] w = new CompareWindow[1];
        robot.interact(() -> w[0] = view.showCompare());
        LatentSpaceModel[] spaces = w[0].spaces();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> spaces[0].getCodes() != null && spaces[1].getCodes() != null);
        assertEquals(10_000 * 2, spaces[0].getCodes().length);
        assertFalse(((Autoencoder) spaces[0].getCodec()).architecture().isVariational());
        assertTrue(((Autoencoder) spaces[1].getCodec()).architecture().isVariational());
        // The VAE's codes stay near the prior; the plain autoencoder's spread far wider.
        assertTrue(spread(spaces[1].getCodes()) < spread(spaces[0].getCodes()) / 2,
                spread(spaces[1].getCodes()) + " vs " + spread(spaces[0].getCodes()));
        robot.interact(() -> spaces[0].selection().select(17));
        assertEquals(17, spaces[1].selection().getSelected(), "selection is shared");
        robot.interact(() -> w[0].stage().close());
    }

    private static double spread(float[] codes) {
        double s = 0;
        for (float c : codes) {
            s += c * c;
        }
        return Math.sqrt(s / codes.length);
    }
}
