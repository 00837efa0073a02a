package latentlab.ui.explorer;

import java.util.HashSet;
import java.util.Set;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import latentlab.data.Dataset;
import latentlab.eval.MorphometricTable;

/**
 * The morphometrics of a latent space's display images (slant, thickness, … of every image; see
 * {@link MorphometricTable}), filled on demand: a view that colours points by them says it wants them, and whoever
 * measures images (the window measures each data set once) hands in the table of these very images. They depend on
 * the images only, so a new model keeps them and new display images drop them. FX thread only.
 */
public final class DisplayMorphometrics {
    private final ReadOnlyObjectWrapper<MorphometricTable> table = new ReadOnlyObjectWrapper<>(this, "table");
    private final Set<Object> clients = new HashSet<>();
    private final ReadOnlyBooleanWrapper wanted = new ReadOnlyBooleanWrapper(this, "wanted");
    private Dataset display;

    /** The table of the display images, or null until measured. */
    public ReadOnlyObjectProperty<MorphometricTable> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public MorphometricTable getTable() {
        return table.get();
    }

    /** Registers ({@code on}) or removes a view that needs the table. */
    public void want(Object client, boolean on) {
        if (on) {
            clients.add(client);
        } else {
            clients.remove(client);
        }
        wanted.set(!clients.isEmpty());
    }

    /** Whether some view needs the table. */
    public ReadOnlyBooleanProperty wantedProperty() {
        return wanted.getReadOnlyProperty();
    }

    /** The images the table must be of (null: none). */
    public Dataset display() {
        return display;
    }

    /**
     * Sets the table; one of other images than the display images is ignored (it was measured for images that
     * are no longer shown), and so returns false.
     */
    public boolean offer(MorphometricTable t) {
        if (t == null || t.data() != display) {
            return false;
        }
        table.set(t);
        return true;
    }

    /** The space shows other images: the table is dropped. */
    void displayChanged(Dataset images) {
        if (images != display) {
            display = images;
            table.set(null);
        }
    }
}
