package latentlab.ui.explorer;

import latentlab.data.ClassNames;
import latentlab.ui.common.Appearance;

/**
 * Keeps a map's legend in step with what it shows: the class chips follow the data set and the theme, the colour
 * chooser the code size, the colour bar the colours of the points.
 */
final class LegendFeed {
    private final ScatterLegend legend;
    private final LatentSpaceModel model;

    private LegendFeed(ScatterLegend legend, LatentSpaceModel model) {
        this.legend = legend;
        this.model = model;
    }

    /** Fills {@code legend} from the model and the map's colours now and whenever they change. */
    static void follow(ScatterLegend legend, LatentSpaceModel model, MapViewModel map, Appearance appearance) {
        LegendFeed feed = new LegendFeed(legend, model);
        feed.classesChanged();
        legend.setLatentSize(model.getLatentSize());
        legend.showScale(map.colourByProperty().get(), map.colourScale());
        appearance.themeProperty().addListener(o -> feed.classesChanged());
        model.displayProperty().addListener(o -> feed.classesChanged());
        model.latentSizeProperty().addListener((o, a, b) -> legend.setLatentSize(b.intValue()));
        map.coloursProperty().addListener((o, a, b) -> legend.showScale(b.by(), b.scale()));
    }

    private void classesChanged() {
        boolean none = model.getDisplay() == null;
        legend.setClasses(none ? 0 : model.getDisplay().classCount(),
                none ? ClassNames.numbered("") : model.getDisplay().classNames());
    }
}
