package latentlab.ui.common;

import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Runs an animation timer only while a node is in a showing window. Watching the scene alone is not enough: when a
 * window gets a new scene, the old root keeps its (now hidden) scene, and a timer left running would keep the
 * whole old view and its model alive.
 */
public final class Showing {
    private Showing() {
    }

    /** True while {@code node} is part of a scene whose window is showing. */
    static ObservableValue<Boolean> of(Node node) {
        return node.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
    }

    /** Starts {@code timer} whenever {@code node} is showing and stops it otherwise. */
    public static void drive(Node node, AnimationTimer timer) {
        ObservableValue<Boolean> showing = of(node);
        showing.addListener((o, was, now) -> {
            if (now) {
                timer.start();
            } else {
                timer.stop();
            }
        });
        if (showing.getValue()) {
            timer.start();
        }
    }
}
