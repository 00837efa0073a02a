package latentlab.ui.shell;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window for UI tests: shown at a given size on the bundled MNIST, and shut down after each test. */
public final class TestWindow {
    private TestWindow() {
    }

    /** Builds the main view for {@code model}, shows it in {@code stage} and starts loading the bundled MNIST. */
    public static MainView show(Stage stage, AppContext model, double width, double height) {
        MainView view = new MainView(model);
        Scene scene = new Scene(view, width, height);
        MainView.applyStyles(scene);
        stage.setTitle("Latent Lab");
        stage.setScene(scene);
        stage.show();
        model.datasets().openBundled();
        return view;
    }

    /** Stops the model's background work on the FX thread, as the application's stop() does. */
    public static void close(AppContext model) throws Exception {
        WaitForAsyncUtils.asyncFx(model::shutdown).get();
    }
}
