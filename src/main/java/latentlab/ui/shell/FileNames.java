package latentlab.ui.shell;

import java.util.Locale;

import latentlab.train.Snapshot;

/**
 * The names the save dialogs propose: the data set, the network and how far it trained, so that a folder of saved
 * lessons and pictures explains itself (e.g. {@code mnist-784-256-64-2-epoch10.lesson},
 * {@code latent-map-epoch10.png}). Plain Java.
 */
final class FileNames {
    private FileNames() {
    }

    /** "mnist-784-256-64-2-epoch10": the data set, the architecture and the whole epochs trained. */
    static String run(String dataset, String architecture, int epochs) {
        String name = slug(dataset);
        String arch = slug(architecture);
        return (name.isEmpty() ? "" : name + "-") + (arch.isEmpty() ? "" : arch + "-") + "epoch" + epochs;
    }

    /** The run's name for a snapshot on a data set, or {@code fallback} without a snapshot. */
    static String run(String dataset, Snapshot s, String fallback) {
        return s == null ? fallback : run(dataset, s.config().architecture().toString(), epochs(s));
    }

    /** "epoch10" for a snapshot (whole epochs trained), or "" without one. */
    static String epoch(Snapshot s) {
        return s == null ? "" : "epoch" + epochs(s);
    }

    /** {@code stem} with a "-" and {@code suffix} when there is one: "latent-map" + "epoch10". */
    static String with(String stem, String suffix) {
        return suffix.isEmpty() ? stem : stem + "-" + suffix;
    }

    private static int epochs(Snapshot s) {
        return (int) Math.floor(s.epochProgress() + 1e-9);
    }

    /** Lower case, letters and digits kept, every run of anything else one "-", none at the ends. */
    static String slug(String s) {
        if (s == null) {
            return "";
        }
        String out = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
        return out.replaceAll("^-+|-+$", "");
    }
}
