package latentlab.app;

import java.nio.file.Path;

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
import latentlab.ui.shell.WindowPlacement;
import latentlab.ui.shell.WindowTitle;

/**
 * The JavaFX application: one window on one {@link AppContext}; background work stops when the window closes.
 * Closing the window or quitting asks first while training is unsaved; the title names the lesson and marks
 * unsaved training.
 */
public final class LatentLabApp extends Application {
    /** What every title of the main window starts with (screenshots and tests look for it). */
    public static final String TITLE = WindowTitle.APP;

    /** System property: print the start-up time and quit (see the README's Benchmarks). */
    static final String STARTUP_REPORT = "latentlab.startupReport";
    /** The window's minimum size. */
    static final double MIN_WIDTH = 800;
    static final double MIN_HEIGHT = 560;

    /** What the window opens on (set before JavaFX starts, read once in start). */
    private static volatile StartRequest request = StartRequest.NONE;

    private AppContext context;

    /** Starts JavaFX with this application (called by {@link Launcher}). */
    public static void launchApp() {
        launchApp(StartRequest.NONE);
    }

    /** Starts JavaFX with this application on a lesson and/or a data set (the {@code gui} command). */
    static void launchApp(StartRequest what) {
        request = what;
        RenderingPipeline.chooseBeforeStart();
        Application.launch(LatentLabApp.class);
    }

    @Override
    public void start(Stage stage) {
        StartupClock.mark("JavaFX started");
        AppContext appContext = new AppContext();
        appContext.jobs().submit(StartupClock::prepare);
        StartupClock.mark("context made");
        open(stage, appContext, request);
        StartupClock.mark("window shown");
        if (Boolean.getBoolean(STARTUP_REPORT)) {
            reportStartupAndQuit();
        } else {
            warmUpPcaWhenReady();
        }
    }

    /** Builds the window on {@code context} in {@code stage}, sized and placed for the screen, and opens {@code what}. */
    void open(Stage stage, AppContext appContext, StartRequest what) {
        context = appContext;
        // Read the data and the pre-trained model, and encode the test images, on the other core while this one builds
        // and shows the window: the first map is then ready a frame or two after the window.
        if (what.data() != null) {
            context.datasets().open(what.data());
        } else {
            // A lesson brings its own network: the bundled one would only be read to be replaced.
            context.datasets().setUsePretrained(what.lesson() == null);
            context.datasets().openBundled();
        }
        MainView view = new MainView(context);
        StartupClock.mark("views made");
        if (what.lesson() != null) {
            openOnceRead(view, what.lesson());
        }
        Rectangle2D bounds = WindowPlacement.place(Screen.getScreens().stream().map(Screen::getVisualBounds).toList(),
                Screen.getPrimary().getVisualBounds(), context.preferences().windowBounds());
        if (!context.preferences().windowMaximized()) {
            view.fitPanelsTo(bounds.getWidth());
        }
        Scene scene = new Scene(view, bounds.getWidth(), bounds.getHeight());
        stage.titleProperty().bind(context.title());
        // The 64-pixel icon: from the 256-pixel one the window system's smaller sizes were scaled down at every start.
        var icon = LatentLabApp.class.getResourceAsStream("/latentlab/icon/latent-lab-64.png");
        if (icon != null) {
            stage.getIcons().add(new javafx.scene.image.Image(icon));
        }
        // Small enough for a 1024 x 768 projector with a task bar; the window opens at the size set below, never at
        // this minimum (a window manager may pick the minimum for a stage without explicit bounds).
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setScene(scene);
        place(stage, bounds);
        stage.setMaximized(context.preferences().windowMaximized());
        stage.setOnHiding(e -> context.preferences().saveWindow(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized()));
        // The close button and Ctrl+Q both ask first while training is unsaved, then end the application.
        view.setOnQuit(() -> {
            stage.hide();
            Platform.exit();
        });
        stage.setOnCloseRequest(e -> {
            e.consume();
            view.quit();
        });
        stage.show();
        // Again once shown: a window manager (openbox, for one) opens a stage at its minimum size whatever it asked
        // for before it was shown, and takes the bounds set afterwards.
        if (!stage.isMaximized()) {
            place(stage, bounds);
        }
    }

    /** The window's state (tests). */
    AppContext context() {
        return context;
    }

    /** Opens {@code lesson} once the data set being read is shown (or could not be read). */
    private void openOnceRead(MainView view, Path lesson) {
        var busy = context.status().busyProperty();
        busy.addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    busy.removeListener(this);
                    view.openLesson(lesson);
                }
            }
        });
    }

    private static void place(Stage stage, Rectangle2D bounds) {
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
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
                    System.out.printf(java.util.Locale.ROOT, "ready_seconds: %.2f (%s)%n", seconds.doubleValue(),
                            StartupClock.summary());
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
