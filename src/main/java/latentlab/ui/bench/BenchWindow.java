package latentlab.ui.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import latentlab.ui.shell.AppContext;
import latentlab.ui.shell.MainView;

/** The real window the benchmarks drive from their own thread: started once, shown, opened on the bundled MNIST. */
final class BenchWindow {
    /** The window's context and view. */
    record Opened(AppContext context, MainView view) {
    }

    private BenchWindow() {
    }

    /** Starts JavaFX, shows {@code context}'s window at {@code width} x {@code height} and opens the bundled MNIST. */
    static Opened open(Supplier<AppContext> context, int width, int height, String title) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        return onFx(() -> {
            AppContext vm = context.get();
            MainView v = new MainView(vm);
            Stage stage = new Stage();
            Scene scene = new Scene(v, width, height);
            MainView.applyStyles(scene);
            stage.setTitle(title);
            stage.setScene(scene);
            stage.show();
            vm.datasets().openBundled();
            return new Opened(vm, v);
        });
    }

    /** Runs {@code work} on the FX thread and waits (at most two minutes) for its result. */
    static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }
}
