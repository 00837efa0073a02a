package latentlab.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import latentlab.ui.common.Theme;

/**
 * What Latent Lab remembers between runs (java.util.prefs): recent lessons, the window's size and place, the
 * appearance, and the folder each kind of file dialog was last in. The node name can be changed with {@code -Dlatentlab.prefs=NAME} (tests use their own).
 */
public final class AppPreferences {
    private static final int RECENT = 6;
    private final Preferences node;

    public AppPreferences(Preferences node) {
        this.node = node;
    }

    /** The user's preferences node for Latent Lab. */
    public static AppPreferences user() {
        return new AppPreferences(Preferences.userRoot().node(System.getProperty("latentlab.prefs", "latentlab")));
    }

    /** Recent lesson files that still exist, newest first. */
    public List<Path> recentLessons() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < RECENT; i++) {
            String s = node.get("recent." + i, null);
            if (s != null && Files.isRegularFile(Path.of(s))) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    /** Puts a lesson at the top of the recent list. */
    public void addRecentLesson(Path file) {
        List<Path> list = new ArrayList<>(recentLessons());
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < RECENT; i++) {
            if (i < list.size()) {
                node.put("recent." + i, list.get(i).toString());
            } else {
                node.remove("recent." + i);
            }
        }
        flush();
    }

    /** The window's saved {x, y, width, height}, or null. */
    public double[] windowBounds() {
        double w = node.getDouble("window.width", -1);
        double h = node.getDouble("window.height", -1);
        if (w < 400 || h < 300) {
            return null;
        }
        return new double[] {node.getDouble("window.x", Double.NaN), node.getDouble("window.y", Double.NaN), w, h};
    }

    public boolean windowMaximized() {
        return node.getBoolean("window.maximized", false);
    }

    public void saveWindow(double x, double y, double w, double h, boolean maximized) {
        node.putDouble("window.x", x);
        node.putDouble("window.y", y);
        node.putDouble("window.width", w);
        node.putDouble("window.height", h);
        node.putBoolean("window.maximized", maximized);
        flush();
    }

    /** The folder a file dialog for {@code kind} ("lessons", "data", "exports") was last in, if it still exists. */
    public Path lastFolder(String kind) {
        String s = node.get("folder." + kind, null);
        if (s == null) {
            return null;
        }
        try {
            Path p = Path.of(s);
            return Files.isDirectory(p) ? p : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** Remembers the folder a file dialog for {@code kind} ended in. */
    public void saveLastFolder(String kind, Path folder) {
        if (folder != null) {
            node.put("folder." + kind, folder.toAbsolutePath().normalize().toString());
            flush();
        }
    }

    /** Saved theme id ("light", "dark"). */
    public String theme() {
        return node.get("theme", Theme.LIGHT.id());
    }

    public void saveTheme(Theme t) {
        node.put("theme", t.id());
        flush();
    }

    /** Forgets everything (tests). */
    public void clear() {
        try {
            node.clear();
        } catch (BackingStoreException e) {
            // Preferences are a convenience; failing to clear them is not worth stopping for.
        }
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // A read-only home directory must not stop the app; the preference is just not kept.
        }
    }
}
