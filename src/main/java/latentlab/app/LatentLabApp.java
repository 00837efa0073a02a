package latentlab.app;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import latentlab.pca.Pca;
import latentlab.ui.shell.MainView;
import latentlab.ui.shell.MainViewModel;

/** The JavaFX application: one window, one view-model; background work stops when the window closes. */
public final class LatentLabApp extends Application {
    /** Title of the main window (screenshots and tests look for it). */
    public static final String TITLE = "Latent Lab";

    /** System property: print the start-up time and quit (see the README's Benchmarks). */
    static final String STARTUP_REPORT = "latentlab.startupReport";

    private MainViewModel model;

    /** Starts JavaFX with this application (called by {@link Launcher}). */
    public static void launchApp() {
        Application.launch(LatentLabApp.class);
    }

    @Override
    public void start(Stage stage) {
        latentlab.ui.shell.StartupClock.mark("JavaFX started");
        model = new MainViewModel();
        // Read the data and the pre-trained model, and encode the test images, on the other core while this one builds
        // and shows the window: the first map is then ready a frame or two after the window.
        model.loadBundledDataset();
        MainView view = new MainView(model);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(1440, screen.getWidth() * 0.92);
        double h = Math.min(900, screen.getHeight() * 0.92);
        double[] saved = model.preferences().windowBounds();
        if (saved != null) {
            w = Math.min(saved[2], screen.getWidth());
            h = Math.min(saved[3], screen.getHeight());
        }
        Scene scene = new Scene(view, w, h);
        MainView.applyStyles(scene, model.appearance().getTheme());
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
        stage.setMaximized(model.preferences().windowMaximized());
        stage.setOnHiding(e -> model.preferences().saveWindow(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized()));
        stage.show();
        latentlab.ui.shell.StartupClock.mark("window shown");
        if (Boolean.getBoolean(STARTUP_REPORT)) {
            reportStartupAndQuit();
        } else {
            warmUpPcaWhenReady();
        }
    }

    /**
     * Once the first map is on screen, compiles the PCA fit's kernels in the background ({@link Pca#warmUp}), so that
     * the PCA comparison tab's first fit takes about a second instead of two and a half. One daemon thread, for
     * about two seconds of one core; its low priority is only a hint (Linux ignores it), so a tab opened or a
     * training started within those seconds shares the cores with it.
     */
    private void warmUpPcaWhenReady() {
        model.readyAfterLaunchProperty().addListener((obs, old, seconds) -> {
            if (old.doubleValue() < 0 && seconds.doubleValue() >= 0) {
                Thread t = new Thread(() -> {
                    try {
                        Pca.warmUp();
                    } catch (RuntimeException | OutOfMemoryError e) {
                        // Only an optimisation: the tab fits as well without it.
                    }
                }, "PCA warm-up");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                t.start();
            }
        });
    }

    /**
     * The start-up benchmark: prints how long after launch the first latent map reached the views and leaves once it
     * has been on screen for a frame (a pulse later), so that a script can time many launches.
     */
    private void reportStartupAndQuit() {
        model.readyAfterLaunchProperty().addListener((obs, old, seconds) -> {
            if (seconds.doubleValue() >= 0) {
                javafx.application.Platform.runLater(() -> {
                    System.out.printf("ready_seconds: %.2f (%s)%n", seconds.doubleValue(),
                            latentlab.ui.shell.StartupClock.summary());
                    System.out.flush();
                    javafx.application.Platform.exit();
                });
            }
        });
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
    }
}
