package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import latentlab.testing.FxPulses;
import latentlab.ui.explorer.LatentScatterView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window laid out for a classroom, checked by geometry rather than by eye: at 1280 × 720 and 1024 × 768, in
 * presenter mode and with 150% text, on every tab, no label, button or other {@link Labeled} shows its text cut off
 * with "…", no control lies outside the window (unless in a scroll pane, which scrolls to it), no scroll pane shows
 * a scroll bar inside another, and no legend covers its map's plot; at 1280 × 720 the latent map takes at least
 * 55% of the window.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class LayoutTest {
    private AppContext context;
    private Stage stage;
    private MainView view;

    @AfterEach
    void close() throws Exception {
        if (context != null) {
            TestWindow.close(context);
        }
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(stage::hide).get();
        }
    }

    /** The window at w x h as launched (side panels as the window chooses), on MNIST, ready. */
    private void open(FxRobot robot, double w, double h) throws Exception {
        robot.interact(() -> {
            AppPreferences prefs = AppPreferences.user();
            prefs.clear();
            context = new AppContext(prefs);
            stage = new Stage();
            view = TestWindow.showAsLaunched(stage, context, w, h);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.autoencoderSpace().getCodes() != null
                && !context.status().isBusy());
        settle(robot);
    }

    private static void settle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        FxPulses.await(10); // a few pulses: layouts that depend on measured sizes settle
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Shows tab {@code i} and, for the PCA comparison, waits for its fit, for the Dimensions tab its analysis. */
    private void show(FxRobot robot, int tab) throws Exception {
        robot.interact(() -> view.selectTab(tab));
        if (tab == 1) {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> context.comparison().getModel() != null
                    && context.comparison().space().getCodes() != null
                    && !Double.isNaN(context.comparison().statistics().pcaKnnProperty().get())
                    && !Double.isNaN(context.comparison().statistics().aeKnnProperty().get()));
        }
        if (tab == 3) {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> context.dimensions().getShown() != null);
        }
        settle(robot);
    }

    /** Every problem on the tab shown now, one line each. */
    private List<String> problems(FxRobot robot, String where) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new ArrayList<>();
            Scene scene = stage.getScene();
            check(scene.getRoot(), scene, out, where, false);
            return out;
        }).get();
    }

    private static boolean treeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible() || p.getOpacity() == 0) {
                return false;
            }
        }
        return true;
    }

    private static String name(Node n) {
        String id = n.getId() == null ? "" : "#" + n.getId();
        String text = n instanceof Labeled l ? " \"" + l.getText() + "\"" : "";
        return n.getClass().getSimpleName() + id + text;
    }

    private void check(Node n, Scene scene, List<String> out, String where, boolean inScroll) {
        if (!treeVisible(n)) {
            return;
        }
        if (n instanceof Labeled l && truncated(l)) {
            out.add(where + ": cut off: " + name(l) + " shows \"" + shownText(l) + "\" in " + l.getWidth() + " px");
        }
        if (n instanceof Control && !inScroll) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getWidth() > 0 && (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > scene.getWidth() + 1
                    || b.getMaxY() > scene.getHeight() + 1)) {
                out.add(where + ": outside the window: " + name(n) + " at " + b);
            }
        }
        if (n instanceof ScrollPane sp && inScroll && hasVisibleBar(sp)) {
            out.add(where + ": a scroll bar inside a scrolled pane: " + name(sp));
        }
        if (n instanceof LatentScatterView map && map.legend().isVisible()) {
            Bounds legend = map.legend().getBoundsInParent();
            Rectangle2D plot = map.plotArea();
            if (plot.intersects(legend.getMinX(), legend.getMinY(), legend.getWidth(), legend.getHeight())) {
                out.add(where + ": the legend " + legend + " covers the plot " + plot + " of " + name(map));
            }
        }
        if (n instanceof Parent p) {
            boolean scrolls = inScroll || n instanceof ScrollPane sp && hasVisibleBar(sp);
            for (Node c : p.getChildrenUnmodifiable()) {
                check(c, scene, out, where, scrolls);
            }
        }
    }

    private static boolean hasVisibleBar(ScrollPane sp) {
        for (Node bar : sp.lookupAll(".scroll-bar")) {
            if (bar instanceof ScrollBar s && s.getParent() != null && isOwnBar(sp, s) && treeVisible(s)
                    && s.getOrientation() == Orientation.VERTICAL) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code bar} belongs to {@code sp} itself, not to a scroll pane or list inside it. */
    private static boolean isOwnBar(ScrollPane sp, ScrollBar bar) {
        for (Parent p = bar.getParent(); p != null; p = p.getParent()) {
            if (p == sp) {
                return true;
            }
            if (p instanceof ScrollPane || p instanceof Control && !(p instanceof ScrollBar)) {
                return false;
            }
        }
        return false;
    }

    /** The text the skin draws, or null when it draws none. */
    private static String shownText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    /** Whether the skin drew the text shorter than it is, ending in the ellipsis. */
    static boolean truncated(Labeled l) {
        if (l.getText() == null || l.getText().isEmpty() || l.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
            return false;
        }
        String shown = shownText(l);
        if (shown == null) {
            return false;
        }
        String full = l.getText().replace("\n", "");
        String drawn = shown.replace("\n", "");
        return !drawn.equals(full) && (drawn.endsWith(l.getEllipsisString()) || drawn.isEmpty());
    }

    private void assertTabsFit(FxRobot robot, String where) throws Exception {
        List<String> all = new ArrayList<>();
        for (int tab = 0; tab < 4; tab++) {
            show(robot, tab);
            all.addAll(problems(robot, where + ", tab " + (tab + 1)));
        }
        assertEquals(List.of(), all, String.join("\n", all));
    }

    /** The share of the window the explorer's map takes (the plot with its axes and legend, not its toolbar). */
    private double mapShare() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            LatentScatterView map = view.scatter();
            return map.getWidth() * map.getHeight() / (stage.getScene().getWidth() * stage.getScene().getHeight());
        }).get();
    }

    @Test
    void at1280x720TheMapGetsTheRoomAndEverythingFits(FxRobot robot) throws Exception {
        open(robot, 1280, 720);
        double share = mapShare();
        assertTrue(share >= 0.55, "the map covers " + Math.round(share * 100) + "% of the window");
        assertTabsFit(robot, "1280 x 720");
    }

    @Test
    void at1024x768EverythingFits(FxRobot robot) throws Exception {
        open(robot, 1024, 768);
        assertTabsFit(robot, "1024 x 768");
    }

    @Test
    void presenterModeAt1280x720ShowsEveryNumberWhole(FxRobot robot) throws Exception {
        open(robot, 1280, 720);
        robot.interact(() -> context.appearance().presenterProperty().set(true));
        settle(robot);
        assertTabsFit(robot, "presenter, 1280 x 720");
    }

    @Test
    void presenterModeAt1024x768ShowsEveryNumberWhole(FxRobot robot) throws Exception {
        open(robot, 1024, 768);
        robot.interact(() -> context.appearance().presenterProperty().set(true));
        settle(robot);
        assertTabsFit(robot, "presenter, 1024 x 768");
    }

    @Test
    void textAt150PercentAt1280x720Fits(FxRobot robot) throws Exception {
        open(robot, 1280, 720);
        robot.interact(() -> context.appearance().scaleProperty().set(1.5));
        settle(robot);
        assertTabsFit(robot, "150% text, 1280 x 720");
    }

    @Test
    void bothSidePanelsShownAt1280x720StillFit(FxRobot robot) throws Exception {
        open(robot, 1280, 720);
        robot.interact(() -> view.panels().show(true, true));
        settle(robot);
        List<String> p = problems(robot, "both panels, 1280 x 720");
        assertEquals(List.of(), p, String.join("\n", p));
    }
}
