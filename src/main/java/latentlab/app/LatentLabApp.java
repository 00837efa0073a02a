package latentlab.app;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import latentlab.ui.MainViewModel;
import latentlab.ui.view.MainView;

/** The JavaFX application: one window, one view-model; background work stops when the window closes. */
public final class LatentLabApp extends Application {
    /** Title of the main window (screenshots and tests look for it). */
    public static final String TITLE = "Latent Lab";

    private MainViewModel model;

    /** Starts JavaFX with this application (called by {@link Launcher}). */
    public static void launchApp() {
        Application.launch(LatentLabApp.class);
    }

    @Override
    public void start(Stage stage) {
        model = new MainViewModel();
        MainView view = new MainView(model);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(1440, screen.getWidth() * 0.92);
        double h = Math.min(900, screen.getHeight() * 0.92);
        Scene scene = new Scene(view, w, h);
        MainView.applyStyles(scene);
        stage.setTitle(TITLE);
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setScene(scene);
        stage.show();
        model.loadBundledDataset();
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
    }
}
