package latentlab.ui.common;

import java.util.function.Supplier;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * The place in a layout of a view that stays hidden until something happens — the timeline until training has kept
 * two moments, the two runs' maps until a comparison asks for them — built the first time it is wanted instead of
 * with the window. JavaFX styles and lays out hidden nodes too when a window is first shown (its CSS pass does not
 * skip invisible ones), so a view built early would only lengthen the window's start for nothing seen.
 *
 * <p>Once built, the view stays; the place is shown while its view is.
 */
public final class BuiltWhenWanted extends StackPane {
    /** Kept: a binding handed in lives as long as the listener here. */
    private final ObservableBooleanValue wanted;
    private final Supplier<? extends Node> build;
    private Node view;

    /**
     * @param wanted when the view is first needed (the view's own visibility should follow it)
     * @param build  makes the view, once, on the FX thread
     */
    public BuiltWhenWanted(ObservableBooleanValue wanted, Supplier<? extends Node> build) {
        this.wanted = wanted;
        this.build = build;
        setVisible(false);
        setManaged(false);
        if (wanted.get()) {
            buildView();
        } else {
            wanted.addListener(new InvalidationListener() {
                @Override
                public void invalidated(Observable o) {
                    if (wanted.get()) {
                        wanted.removeListener(this);
                        buildView();
                    }
                }
            });
        }
    }

    /** The view, or null before it was first wanted. */
    public Node view() {
        return view;
    }

    private void buildView() {
        view = build.get();
        getChildren().add(view);
        visibleProperty().bind(view.visibleProperty());
        managedProperty().bind(visibleProperty());
    }
}
