package latentlab.ui.explorer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Which display image is selected and hovered, and which class is isolated. Shared by every latent view of the
 * same images (the autoencoder's and PCA's), so selecting or isolating in one shows in all. -1 means none.
 */
public final class SelectionModel {
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final IntegerProperty hovered = new SimpleIntegerProperty(this, "hovered", -1);
    private final IntegerProperty isolatedClass = new SimpleIntegerProperty(this, "isolatedClass", -1);

    /** Index of the selected display image, or -1. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    public int getSelected() {
        return selected.get();
    }

    public void select(int i) {
        selected.set(i);
    }

    /** Index of the image under the mouse, or -1. */
    public IntegerProperty hoveredProperty() {
        return hovered;
    }

    /** The class shown in colour while all others are greyed, or -1 for all in colour. */
    public IntegerProperty isolatedClassProperty() {
        return isolatedClass;
    }

    /** Isolates class {@code c}, or shows all again if it was already isolated. */
    public void toggleIsolation(int c) {
        isolatedClass.set(isolatedClass.get() == c ? -1 : c);
    }

    /** Clears selection, hover and isolation (a new data set). */
    public void clear() {
        selected.set(-1);
        hovered.set(-1);
        isolatedClass.set(-1);
    }
}
