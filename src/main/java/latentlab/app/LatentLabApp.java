package latentlab.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import latentlab.pca.Pca;
import latentlab.ui.shell.AppContext;
import latentlab.ui.shell.MainView;
import latentlab.ui.shell.StartupClock;

/** The JavaFX application: one window on one {@link AppContext}; background work stops when the window closes. */
public final class LatentLabApp extends Application {
    /** Title of the main window (screenshots and tests look for it). */
    public static final String TITLE = "Latent Lab";

    /** System property: print the start-up time and quit (see the README's Benchmarks). */
    static final String STARTUP_REPORT = "latentlab.startupReport";

    private AppContext context;

    /** Starts JavaFX with this application (called by {@link Launcher}). */
    public static void launchApp() {
        Application.launch(LatentLabApp.class);
    }

    @Override
    public void start(Stage stage) {
        StartupClock.mark("JavaFX started");
        context = new AppContext();
        // Read the data and the pre-trained model, and encode the test images, on the other core while this one builds
        // and shows the window: the first map is then ready a frame or two after the window.
        context.datasets().openBundled();
        MainView view = new MainView(context);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(1440, screen.getWidth() * 0.92);
        double h = Math.min(900, screen.getHeight() * 0.92);
        double[] saved = context.preferences().windowBounds();
        if (saved != null) {
            w = Math.min(saved[2], screen.getWidth());
            h = Math.min(saved[3], screen.getHeight());
        }
        Scene scene = new Scene(view, w, h);
        stage.setTitle(TITLE);
        var icon = LatentLabApp.class.getResourceAsStream("/latentlab/icon/latent-lab.png");
        if (icon != null) {
            stage.getIcons().add(new javafx.scene.image.Image(icon));
        }
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setScene(scene);
        if (saved != null && Double.isFinite(saved[0]) && Double.isFinite(saved[1])
                && !Screen.getScreensForRectangle(saved[0], saved[1], 100, 60).isEmpty()) {
            stage.setX(saved[0]);
            stage.setY(saved[1]);
        }
        stage.setMaximized(context.preferences().windowMaximized());
        stage.setOnHiding(e -> context.preferences().saveWindow(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized()));
        stage.show();
        StartupClock.mark("window shown");
        if (Boolean.getBoolean(STARTUP_REPORT)) {
            reportStartupAndQuit();
        } else {
            warmUpPcaWhenReady();
        }
    }

    /**
     * Once the first map is on screen, compiles the PCA fit's kernels in a background job ({@link Pca#warmUp}), so
     * that the PCA comparison tab's first fit runs compiled code. A tab opened or a training started meanwhile
     * shares the cores with it.
     */
    private void warmUpPcaWhenReady() {
        context.launch().readyAfterLaunchProperty().addListener((obs, old, seconds) -> {
            if (old.doubleValue() < 0 && seconds.doubleValue() >= 0) {
                context.jobs().submit(() -> {
                    try {
                        Pca.warmUp();
                    } catch (RuntimeException | OutOfMemoryError e) {
                        // Only an optimisation: the tab fits as well without it.
                    }
                });
            }
        });
    }

    /**
     * The start-up benchmark: prints how long after launch the first latent map reached the views and leaves once it
     * has been on screen for a frame (a pulse later), so that a script can time many launches.
     */
    private void reportStartupAndQuit() {
        context.launch().readyAfterLaunchProperty().addListener((obs, old, seconds) -> {
            if (seconds.doubleValue() >= 0) {
                Platform.runLater(() -> {
                    System.out.printf("ready_seconds: %.2f (%s)%n", seconds.doubleValue(), StartupClock.summary());
                    System.out.flush();
                    Platform.exit();
                });
            }
        });
    }

    @Override
    public void stop() {
        if (context != null) {
            context.shutdown();
        }
    }
}
