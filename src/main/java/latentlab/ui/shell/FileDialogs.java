package latentlab.ui.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import latentlab.data.DatasetPair;
import latentlab.io.model.LessonFile;

/**
 * The window's file choosers: data sets, lessons and export targets, each with its title and filters. Each kind
 * starts in the folder the last dialog of that kind ended in (remembered in the preferences), not in the working
 * folder.
 */
final class FileDialogs {
    /** The kinds of dialog that remember their folder apart. */
    static final String LESSONS = "lessons";
    static final String DATA = "data";
    static final String EXPORTS = "exports";

    private final Supplier<Window> owner;
    private final AppPreferences preferences;

    /**
     * @param owner       the window the dialogs belong to
     * @param preferences where the last folder of each kind is remembered
     */
    FileDialogs(Supplier<Window> owner, AppPreferences preferences) {
        this.owner = owner;
        this.preferences = preferences;
    }

    /** A folder with the four IDX files. */
    Optional<Path> dataFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a data set folder");
        startIn(chooser, DATA);
        return remember(DATA, path(chooser.showDialog(owner.get())));
    }

    /** A CSV data set. */
    Optional<Path> csvFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a CSV data set (label,pixel,pixel,... per line)");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.csv.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        startIn(chooser, DATA, null);
        return remember(DATA, path(chooser.showOpenDialog(owner.get())));
    }

    /**
     * Where a data set that was at {@code missing} is now: a CSV file if it was one, else a folder; the dialog starts
     * in the nearest folder above {@code missing} that still exists.
     */
    Optional<Path> missingDataSet(Path missing) {
        File start = nearestExisting(missing.toAbsolutePath().getParent());
        String was = missing.getFileName() == null ? missing.toString() : missing.getFileName().toString();
        if (DatasetPair.isCsv(missing)) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Locate the lesson's data set (it was " + was + ")");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.csv.gz"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            chooser.setInitialDirectory(start);
            return path(chooser.showOpenDialog(owner.get()));
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Locate the lesson's data set folder (it was " + was + ")");
        chooser.setInitialDirectory(start);
        return path(chooser.showDialog(owner.get()));
    }

    private static File nearestExisting(Path p) {
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.isDirectory(q)) {
                return q.toFile();
            }
        }
        return null;
    }

    /** A lesson to open, starting in the folder of {@code current} (the lesson open now) or the last one. */
    Optional<Path> lessonToOpen(Path current) {
        return remember(LESSONS, path(lessonChooser("Open a lesson", current).showOpenDialog(owner.get())));
    }

    /**
     * Where to save the lesson, proposing {@code current}'s name or {@code proposed} (without its extension); a
     * name without an extension gets {@value LessonFile#EXTENSION}.
     */
    Optional<Path> lessonToSave(Path current, String proposed) {
        FileChooser chooser = lessonChooser("Save the lesson", current);
        chooser.setInitialFileName(current == null ? proposed + LessonFile.EXTENSION
                : current.getFileName().toString());
        return remember(LESSONS, path(chooser.showSaveDialog(owner.get())).map(p -> p.getFileName().toString()
                .contains(".") ? p : p.resolveSibling(p.getFileName() + LessonFile.EXTENSION)));
    }

    private FileChooser lessonChooser(String title, Path current) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Latent Lab lessons", "*" + LessonFile.EXTENSION),
                new FileChooser.ExtensionFilter("All files", "*"));
        startIn(chooser, LESSONS, current == null ? null : current.getParent());
        return chooser;
    }

    /** Where to export a file of {@code kind} (e.g. "PNG images", "*.png"), proposing {@code name}. */
    Optional<Path> exportFile(String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export");
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        startIn(chooser, EXPORTS, null);
        return remember(EXPORTS, path(chooser.showSaveDialog(owner.get())));
    }

    /** A folder to export into, under {@code title}. */
    Optional<Path> folder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        startIn(chooser, EXPORTS);
        Optional<Path> chosen = path(chooser.showDialog(owner.get()));
        chosen.ifPresent(f -> preferences.saveLastFolder(EXPORTS, f));
        return chosen;
    }

    /** Starts a file chooser in {@code preferred} if it is a folder, else where the last {@code kind} dialog ended. */
    private void startIn(FileChooser chooser, String kind, Path preferred) {
        Path start = preferred != null && Files.isDirectory(preferred) ? preferred : preferences.lastFolder(kind);
        if (start != null) {
            chooser.setInitialDirectory(start.toFile());
        }
    }

    /** Starts a folder chooser where the last {@code kind} dialog ended (beside the last folder chosen). */
    private void startIn(DirectoryChooser chooser, String kind) {
        Path start = preferences.lastFolder(kind);
        if (start != null) {
            chooser.setInitialDirectory(start.toFile());
        }
    }

    /** Remembers the folder {@code chosen} is in for the next {@code kind} dialog. */
    private Optional<Path> remember(String kind, Optional<Path> chosen) {
        chosen.map(Path::toAbsolutePath).map(Path::getParent).ifPresent(f -> preferences.saveLastFolder(kind, f));
        return chosen;
    }

    private static Optional<Path> path(File f) {
        return Optional.ofNullable(f).map(File::toPath);
    }
}
