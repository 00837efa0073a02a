package latentlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;

/** A hidden view's place: the view is made the first time it is wanted, once, and shown while it is visible. */
class BuiltWhenWantedTest {
    @Test
    void theViewIsMadeOnceWhenFirstWantedAndThePlaceFollowsItsVisibility() {
        SimpleBooleanProperty wanted = new SimpleBooleanProperty(false);
        AtomicInteger made = new AtomicInteger();
        Pane view = new Pane();
        view.visibleProperty().bind(wanted);
        BuiltWhenWanted place = new BuiltWhenWanted(wanted, () -> {
            made.incrementAndGet();
            return view;
        });
        assertEquals(0, made.get(), "nothing made while not wanted");
        assertNull(place.view());
        assertFalse(place.isVisible() || place.isManaged(), "an empty place takes no room");
        wanted.set(true);
        assertEquals(1, made.get());
        assertSame(view, place.view());
        assertTrue(place.getChildren().contains(view));
        assertTrue(place.isVisible() && place.isManaged());
        wanted.set(false);
        assertFalse(place.isVisible() || place.isManaged(), "hidden with its view");
        wanted.set(true);
        assertEquals(1, made.get(), "made once");
    }

    @Test
    void aViewWantedFromTheStartIsMadeAtOnce() {
        Pane view = new Pane();
        BuiltWhenWanted place = new BuiltWhenWanted(new SimpleBooleanProperty(true), () -> view);
        assertSame(view, place.view());
        assertTrue(place.isVisible());
    }
}
