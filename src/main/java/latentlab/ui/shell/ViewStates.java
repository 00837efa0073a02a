package latentlab.ui.shell;

import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.Theme;
import latentlab.ui.explorer.LatentScatterView;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.training.TrainingViewModel;

/**
 * The window's state as a lesson keeps it: the map's viewport and layers, the selection, the slider position, the
 * layout, the speed and the appearance. Captured when a lesson is saved; an opened lesson's state is applied once
 * its codes are on the map (before that, the map's range and k are not known).
 */
final class ViewStates {
    private final LatentSpaceModel space;
    private final SelectionModel selection;
    private final TrainingViewModel training;
    private final Appearance look;
    private final Lessons lessons;
    private final LatentScatterView scatter;
    private final SplitPane explorer;
    private final TabPane tabs;

    ViewStates(AppContext context, LatentScatterView scatter, SplitPane explorer, TabPane tabs) {
        this.space = context.autoencoderSpace();
        this.selection = context.selection();
        this.training = context.training();
        this.look = context.appearance();
        this.lessons = context.lessons();
        this.scatter = scatter;
        this.explorer = explorer;
        this.tabs = tabs;
        lessons.pendingViewProperty().addListener(o -> applyPending());
        space.codesProperty().addListener(o -> applyPending());
    }

    /** The state now. */
    ViewState capture() {
        LatentScatterView s = scatter;
        return new ViewState(s.viewBounds(), s.autoFitProperty().get(), space.dimXProperty().get(),
                space.dimYProperty().get(), s.thumbnailsProperty().get(), s.manifoldProperty().get(),
                s.gridSizeProperty().get(), s.clusterLabelsProperty().get(), selection.getSelected(),
                selection.isolatedClassProperty().get(), space.position().toArray(new float[0]),
                explorer.getDividerPositions(), tabs.getSelectionModel().getSelectedIndex(),
                training.speedProperty().get(), look.getTheme().id(), look.scaleProperty().get(),
                look.largeThumbnailsProperty().get(), look.hideAdvancedProperty().get(),
                look.presenterProperty().get());
    }

    /** Applies an opened lesson's state once the map shows codes of its k; values out of range are clamped. */
    private void applyPending() {
        ViewState v = lessons.pendingViewProperty().get();
        if (v == null || space.getCodes() == null || space.getLatentSize() != v.position().length) {
            return;
        }
        lessons.viewApplied();
        look.presenterProperty().set(v.presenter());
        look.themeProperty().set(Theme.byId(v.theme()));
        look.scaleProperty().set(Math.max(Appearance.MIN_SCALE, Math.min(Appearance.MAX_SCALE, v.scale())));
        look.largeThumbnailsProperty().set(v.largeThumbnails());
        look.hideAdvancedProperty().set(v.hideAdvanced());
        int k = space.getLatentSize();
        space.dimXProperty().set(Math.max(0, Math.min(k - 1, v.dimX())));
        space.dimYProperty().set(Math.max(0, Math.min(k - 1, v.dimY())));
        space.position().setAll(v.position());
        scatter.thumbnailsProperty().set(v.thumbnails());
        scatter.manifoldProperty().set(v.manifold());
        scatter.gridSizeProperty().set(Math.max(3, Math.min(40, v.gridSize())));
        scatter.clusterLabelsProperty().set(v.clusterLabels());
        scatter.setViewBounds(v.bounds(), v.autoFit());
        int n = space.getDisplay() == null ? 0 : space.getDisplay().size();
        selection.select(v.selected() < n ? v.selected() : -1);
        selection.isolatedClassProperty().set(v.isolatedClass());
        if (v.dividers().length == explorer.getDividers().size()) {
            explorer.setDividerPositions(v.dividers());
        }
        if (v.tab() >= 0 && v.tab() < tabs.getTabs().size()) {
            tabs.getSelectionModel().select(v.tab());
        }
        training.speedProperty().set(Math.max(0, Math.min(1, v.speed())));
    }
}
