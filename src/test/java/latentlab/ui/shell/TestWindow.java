package latentlab.ui.shell;

import javafx.scene.Scene;
import javafx.stage.Stage;
import latentlab.testing.SharedMnist;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window for UI tests: shown at a given size on the bundled MNIST (read once per test JVM, see
 * {@link SharedMnist}), and shut down after each test.
 */
public final class TestWindow {
    private TestWindow() {
    }

    /**
     * Builds the main view on {@code context}, shows it in {@code stage} and starts loading the bundled MNIST. Both
     * side panels are shown whatever the size (the tests look inside them); {@link #showAsLaunched} leaves them to
     * the window.
     */
    public static MainView show(Stage stage, AppContext context, double width, double height) {
        MainView view = showAsLaunched(stage, context, width, height);
        view.panels().show(true, true);
        return view;
    }

    /** As {@link #show}, with the side panels as the window chooses them for its size. */
    public static MainView showAsLaunched(Stage stage, AppContext context, double width, double height) {
        MainView view = new MainView(context);
        Scene scene = new Scene(view, width, height);
        MainView.applyStyles(scene);
        stage.titleProperty().unbind(); // the stage of the test before may have been bound to its window's title
        stage.titleProperty().bind(context.title());
        stage.setScene(scene);
        stage.show();
        context.datasets().setReader(SharedMnist::read);
        context.datasets().openBundled();
        return view;
    }

    /** Stops the window's background work on the FX thread, as the application's stop() does. */
    public static void close(AppContext context) throws Exception {
        WaitForAsyncUtils.asyncFx(context::shutdown).get();
    }
}
