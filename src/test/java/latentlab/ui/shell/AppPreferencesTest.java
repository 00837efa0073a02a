package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The window's remembered bounds (no toolkit). */
class AppPreferencesTest {
    private final Preferences node = Preferences.userRoot().node("latentlab-tests/app-preferences-test");

    @AfterEach
    void remove() throws Exception {
        node.removeNode();
    }

    @Test
    void theMinimumSizeEarlierBuildsRememberedIsNotTakenForTheUsersChoice() {
        node.putDouble("window.x", 51);
        node.putDouble("window.y", 41);
        node.putDouble("window.width", 960);
        node.putDouble("window.height", 640);
        AppPreferences prefs = new AppPreferences(node);
        assertNull(prefs.windowBounds(), "an earlier build's bounds: first launch again");
        prefs.saveWindow(10, 20, 1200, 700, false);
        assertArrayEquals(new double[] {10, 20, 1200, 700}, prefs.windowBounds());
    }
}
