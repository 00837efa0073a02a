package latentlab.ui.shell;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.value.ObservableBooleanValue;
import latentlab.ui.explorer.LatentSpaceModel;

/**
 * How long the window took to become useful: the seconds from launching the program (see {@link StartupClock}) to
 * the moment the first latent map reaches the views, shown once in the status line and kept for the start-up
 * benchmark.
 */
public final class LaunchTiming {
    private final ReadOnlyDoubleWrapper readyAfterLaunch = new ReadOnlyDoubleWrapper(this, "readyAfterLaunch", -1);
    private final BooleanBinding starting = readyAfterLaunch.lessThan(0);

    /** Watches {@code space} for its first codes and then adds the time to {@code status}. */
    public LaunchTiming(LatentSpaceModel space, StatusLine status) {
        space.codesProperty().addListener((o, was, codes) -> {
            if (codes != null && readyAfterLaunch.get() < 0) {
                double seconds = StartupClock.sinceLaunch();
                status.append(String.format(" · ready %.1f s after launch", seconds));
                readyAfterLaunch.set(seconds);
            }
        });
    }

    /** Seconds from launch to the first latent map, or -1 before it. */
    public ReadOnlyDoubleProperty readyAfterLaunchProperty() {
        return readyAfterLaunch.getReadOnlyProperty();
    }

    /**
     * Whether the first map is still to come. Background work nobody waits for (measuring the test images'
     * morphometrics for the notes beside the sliders) gives way meanwhile: on two cores it would take a core from
     * building the window and encoding the map.
     */
    public ObservableBooleanValue startingProperty() {
        return starting;
    }

    public double readyAfterLaunch() {
        return readyAfterLaunch.get();
    }
}
