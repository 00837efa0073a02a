package latentlab.ui.shell;

import java.nio.file.Path;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import latentlab.data.DatasetPair;

/**
 * The main window's title: "Latent Lab — digits.lesson" for an open lesson (else the data set's name), with " •"
 * while there is unsaved training, as desktop applications mark unsaved documents.
 */
public final class WindowTitle {
    /** The application's name, which every title starts with (screenshot scripts look for it). */
    public static final String APP = "Latent Lab";
    /** Appended while training is unsaved. */
    static final String UNSAVED = " •";

    private WindowTitle() {
    }

    /** The title for a lesson file (or null), a data set (or null) and whether training is unsaved. */
    public static String of(Path lesson, DatasetPair dataset, boolean unsaved) {
        String what = lesson != null && lesson.getFileName() != null ? lesson.getFileName().toString()
                : dataset != null ? dataset.name() : null;
        return APP + (what == null ? "" : " — " + what) + (unsaved ? UNSAVED : "");
    }

    /** The title, following the lesson, the data set and the unsaved mark. */
    public static StringBinding of(ReadOnlyObjectProperty<Path> lesson, ReadOnlyObjectProperty<DatasetPair> dataset,
                                   ReadOnlyBooleanProperty unsaved) {
        return Bindings.createStringBinding(() -> of(lesson.get(), dataset.get(), unsaved.get()), lesson, dataset,
                unsaved);
    }
}
