package latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import latentlab.ui.shell.AppContext;
import latentlab.ui.shell.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The training panel's input noise and weight decay: what the user picks reaches the settings, text that is not a
 * valid value is marked and ignored, and a value set elsewhere (a preset, an opened lesson) shows in the panel.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class TrainingPanelChoicesTest {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private AppContext model;

    @Start
    void start(Stage stage) {
        model = new AppContext();
        TestWindow.show(stage, model, 1400, 900);
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.close(model);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> box(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    @Test
    void weightDecayAndInputNoiseFollowTheSettingsBothWays(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.autoencoderSpace().getCodes() != null);
        TrainingSettings s = model.training().settings();
        ComboBox<String> decay = box(robot, "#weight-decay");
        ComboBox<String> noise = box(robot, "#corruption");
        assertEquals("0 (off)", decay.getValue());
        robot.interact(() -> decay.setValue("0.0005"));
        assertEquals(0.0005, s.weightDecayProperty().get());
        assertTrue(model.training().settingsChangedProperty().get(), "weight decay needs a new network");
        robot.interact(() -> decay.setValue("lots"));
        assertEquals(0.0005, s.weightDecayProperty().get(), "unreadable text changes nothing");
        assertTrue(decay.getEditor().getPseudoClassStates().contains(INVALID), "and is marked");
        robot.interact(() -> decay.setValue("2"));
        assertEquals(0.0005, s.weightDecayProperty().get(), "out of range: refused");
        // Set elsewhere, as a preset or an opened lesson does: the panel shows it.
        robot.interact(() -> {
            s.weightDecayProperty().set(0.002);
            s.corruptionProperty().set(0.25);
        });
        assertEquals("0.002", decay.getValue());
        assertEquals("0.25", noise.getValue());
        assertTrue(!decay.getEditor().getPseudoClassStates().contains(INVALID), "valid again");
        robot.interact(() -> s.corruptionProperty().set(0));
        assertEquals("0 (off)", noise.getValue());
    }
}
