package latentlab.ui.embeddings;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import latentlab.data.Dataset;
import latentlab.ui.common.Changes;
import latentlab.ui.common.ImageRow;
import latentlab.ui.comparison.WorstImages;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.training.TestErrorMonitor;

/**
 * The test images the current network rebuilds worst, with their squared errors Σ (x − x′)² (measured by the
 * window's test-error monitor while this list is shown); clicking one selects it in the map.
 */
public final class WorstViewModel {
    /** Images in the list. */
    static final int COUNT = 24;

    private final LatentSpaceModel autoencoderSpace;
    private final TestErrorMonitor testErrors;
    private final PooledImages images;
    private final ReadOnlyObjectWrapper<List<ImageRow.Item>> worst = new ReadOnlyObjectWrapper<>(this, "worst",
            List.of());
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");

    WorstViewModel(LatentSpaceModel autoencoderSpace, TestErrorMonitor testErrors, PooledImages images) {
        this.autoencoderSpace = autoencoderSpace;
        this.testErrors = testErrors;
        this.images = images;
        Changes.onAny(this::refresh, testErrors.perImageProperty(), autoencoderSpace.displayProperty());
        refresh();
    }

    /** The worst images, worst first, captioned with their errors. */
    public ReadOnlyObjectProperty<List<ImageRow.Item>> worstProperty() {
        return worst.getReadOnlyProperty();
    }

    /** The list's heading, or that the errors are being measured. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Whether the list is shown: only then are the errors measured for it. */
    public void setShown(boolean shown) {
        testErrors.want(this, shown);
    }

    private void refresh() {
        float[] errors = testErrors.perImageProperty().get();
        Dataset d = autoencoderSpace.getDisplay();
        if (errors == null || d == null || errors.length != d.size()) {
            worst.set(List.of());
            title.set("Measuring the errors…");
            return;
        }
        List<ImageRow.Item> items = new ArrayList<>();
        for (int i : WorstImages.of(errors, COUNT)) {
            items.add(images.tile(i, String.format("%.1f", errors[i]), images.describe(i) + ", labelled "
                    + d.label(i) + ": click to select it", true));
        }
        worst.set(items);
        title.set("The " + COUNT + " worst of " + String.format("%,d", d.size()) + " test images");
    }
}
