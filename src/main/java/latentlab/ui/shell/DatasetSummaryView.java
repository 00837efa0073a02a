package latentlab.ui.shell;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import latentlab.data.ClassNames;
import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
import latentlab.ui.common.DigitImages;

/**
 * A card that summarises the open data set: image counts, image size, classes, and a strip of sample images
 * (the first of each class, then more) drawn crisply.
 */
public final class DatasetSummaryView extends VBox {
    private static final int SAMPLES_PER_CLASS = 2;
    private final Label title = new Label("Data set");
    private final GridPane facts = new GridPane();
    private final TilePane strip = new TilePane();
    private DigitImages digits;

    public DatasetSummaryView(ReadOnlyObjectProperty<DatasetPair> dataset, latentlab.ui.common.Appearance appearance) {
        this.digits = DigitImages.of(appearance.getTheme());
        appearance.themeProperty().addListener((o, a, b) -> {
            digits = DigitImages.of(b);
            show(dataset.get());
        });
        getStyleClass().addAll("card", "dataset-summary");
        title.getStyleClass().add("card-title");
        facts.getStyleClass().add("facts");
        facts.setHgap(12);
        facts.setVgap(2);
        strip.getStyleClass().add("digit-strip");
        strip.setHgap(3);
        strip.setVgap(3);
        strip.setPrefColumns(10);
        strip.setPadding(new Insets(6, 0, 0, 0));
        setSpacing(6);
        getChildren().addAll(title, facts, strip);
        dataset.addListener((obs, old, now) -> show(now));
        show(dataset.get());
    }

    private void show(DatasetPair pair) {
        facts.getChildren().clear();
        strip.getChildren().clear();
        if (pair == null) {
            title.setText("Data set");
            facts.add(new Label("Loading…"), 0, 0);
            return;
        }
        title.setText("Data set: " + pair.name());
        Dataset train = pair.train();
        addFact(0, "Training images", String.format("%,d", train.size()));
        addFact(1, "Test images", String.format("%,d", pair.test().size()));
        addFact(2, "Image size", train.rows() + " × " + train.cols() + " = " + train.dimension() + " pixels (d)");
        ClassNames names = train.classNames();
        addFact(3, "Classes", names.named() ? train.classCount() + ": " + String.join(", ",
                names.names().subList(0, Math.min(names.names().size(), train.classCount())))
                : train.classCount() + " " + names.nounPlural());
        int classes = train.classCount();
        int scale = train.rows() <= 32 ? 2 : 1;
        int[] shown = new int[classes];
        byte[] buf = new byte[train.dimension()];
        // One pass over the training set picks the first SAMPLES_PER_CLASS images of each class, ordered by class.
        int[][] picks = new int[SAMPLES_PER_CLASS][classes];
        for (int[] row : picks) {
            java.util.Arrays.fill(row, -1);
        }
        for (int i = 0; i < train.size(); i++) {
            int c = train.label(i);
            if (shown[c] < SAMPLES_PER_CLASS) {
                picks[shown[c]++][c] = i;
            }
        }
        for (int[] row : picks) {
            for (int c = 0; c < Math.min(classes, 20); c++) {
                if (row[c] < 0) {
                    continue;
                }
                train.copyRaw(row[c], buf, 0);
                ImageView iv = new ImageView(digits.render(buf, 0, train.rows(), train.cols(), scale));
                iv.setSmooth(false);
                iv.getStyleClass().add("digit");
                strip.getChildren().add(iv);
            }
        }
    }

    private void addFact(int row, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("fact-key");
        k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the value wraps, the key stays whole
        Label v = new Label(value);
        v.getStyleClass().add("fact-value");
        v.setWrapText(true);
        facts.addRow(row, k, v);
    }
}
