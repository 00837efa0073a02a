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

/** The window's file choosers: data sets, lessons and export targets, each with its title and filters. */
final class FileDialogs {
    private final Supplier<Window> owner;

    /** @param owner the window the dialogs belong to */
    FileDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** A folder with the four IDX files. */
    Optional<Path> dataFolder() {
        return folder("Open a data set folder");
    }

    /** A CSV data set. */
    Optional<Path> csvFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a CSV data set (label,pixel,pixel,... per line)");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.csv.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return path(chooser.showOpenDialog(owner.get()));
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

    /** A lesson to open, starting in the folder of {@code current} (the lesson open now, or null). */
    Optional<Path> lessonToOpen(Path current) {
        return path(lessonChooser("Open a lesson", current).showOpenDialog(owner.get()));
    }

    /** Where to save the lesson; a name without an extension gets {@value LessonFile#EXTENSION}. */
    Optional<Path> lessonToSave(Path current) {
        FileChooser chooser = lessonChooser("Save the lesson", current);
        chooser.setInitialFileName(current == null ? "lesson" + LessonFile.EXTENSION : current.getFileName().toString());
        return path(chooser.showSaveDialog(owner.get())).map(p -> p.getFileName().toString().contains(".") ? p
                : p.resolveSibling(p.getFileName() + LessonFile.EXTENSION));
    }

    private static FileChooser lessonChooser(String title, Path current) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Latent Lab lessons", "*" + LessonFile.EXTENSION),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (current != null && current.getParent() != null && Files.isDirectory(current.getParent())) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        return chooser;
    }

    /** Where to export a file of {@code kind} (e.g. "PNG images", "*.png"), proposing {@code name}. */
    Optional<Path> exportFile(String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export");
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return path(chooser.showSaveDialog(owner.get()));
    }

    /** A folder, under {@code title}. */
    Optional<Path> folder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return path(chooser.showDialog(owner.get()));
    }

    private static Optional<Path> path(File f) {
        return Optional.ofNullable(f).map(File::toPath);
    }
}
