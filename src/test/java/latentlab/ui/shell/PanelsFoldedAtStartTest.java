package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A side panel that a narrow window folds is folded before the window shows, so that JavaFX does not style and skin
 * its controls with the window (it styles the whole scene before the first layout, which used to fold it).
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class PanelsFoldedAtStartTest {
    private AppContext context;
    private MainView view;

    @Start
    void start(Stage stage) {
        context = new AppContext();
        view = new MainView(context);
        view.fitPanelsTo(1000);
        Scene scene = new Scene(view, 1000, 700);
        MainView.applyStyles(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.close(context);
    }

    @Test
    void aPanelFoldedForTheWindowsWidthIsNotStyledUntilItIsShown() throws Exception {
        SidePanel left = ((ExplorerLayout) view.explorer()).leftPanel();
        assertFalse(view.panels().leftShownProperty().get(), "1000 px: the training panel is folded");
        assertTrue(view.panels().rightShownProperty().get(), "the decoder panel is not");
        assertNull(left.scroll().getSkin(), "the training panel's controls were not styled with the window");
        WaitForAsyncUtils.asyncFx(() -> view.panels().show(true, true)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(left.scroll().getSkin(), "unfolded, it is");
    }
}
