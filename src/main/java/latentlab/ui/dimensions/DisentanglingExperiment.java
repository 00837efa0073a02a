package latentlab.ui.dimensions;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.eval.DisentanglementScore;
import latentlab.eval.Encoding;
import latentlab.eval.MorphometricTable;
import latentlab.eval.ReconstructionError;
import latentlab.io.Messages;
import latentlab.io.model.ModelFile;
import latentlab.morpho.Morphometric;
import latentlab.nn.Codec;

/**
 * The experiment that shows disentangling: the same network, 784-256-64-10, trained the same way as a plain
 * autoencoder and as variational autoencoders with β = 1 and β = 4 (the models ship with the app), each measured on
 * the test images — its test error, its disentanglement score and, for every property, the dimension that tracks it
 * most. A larger β pulls the codes harder towards N(0, I) (Higgins et al., "β-VAE", ICLR 2017), trading
 * reconstruction for dimensions that each mean one thing; the numbers say how far that holds for MNIST. The models
 * are read, encoded and measured one after the other on a lane; each row appears when it is ready.
 */
public final class DisentanglingExperiment {
    /** A bundled model of the experiment. */
    public record Model(String title, String resource, String recipe) {
    }

    /** The models compared, in order. */
    public static final List<Model> MODELS = List.of(
            new Model("Autoencoder", "/latentlab/pretrained/mnist-784-256-64-10.llm", "plain autoencoder"),
            new Model("VAE, β = 1", "/latentlab/pretrained/mnist-784-256-64-10-vae-beta1.llm",
                    "variational, β = 1"),
            new Model("VAE, β = 4", "/latentlab/pretrained/mnist-784-256-64-10-vae-beta4.llm",
                    "variational, β = 4"));

    /** One model's results. */
    public record Row(Model model, double testError, MeasuredDimensions dimensions) {
        /** The disentanglement score. */
        public double score() {
            return dimensions.score();
        }

        /** The dimension (0-based) that tracks {@code p} most, by |ρ|. */
        public int best(Morphometric p) {
            return dimensions.best(p);
        }

        /** "a4 (r = 0.73, gap 0.22)": the best dimension for {@code p}, its ρ and the property's gap. */
        public String describeBest(Morphometric p) {
            int j = best(p);
            return String.format(Locale.ROOT, "a%d (r = %s, gap %.2f)", j + 1,
                    SliderNotes.number(dimensions.analysis().rho(j, p)),
                    DisentanglementScore.gap(dimensions.analysis(), p));
        }
    }

    private final Dataset test;
    private final MorphometricsCache morphometrics;
    private final Executor lane;
    private final ComputePool pool;
    private final Executor fx;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    /**
     * @param test          the test images (the bundled models take 28 × 28 images)
     * @param morphometrics the test images' morphometrics
     * @param lane          where the models are read and measured, one after the other
     * @param pool          the window's compute pool
     * @param fx            runs the hand-over of each row on the FX thread
     */
    public DisentanglingExperiment(Dataset test, MorphometricsCache morphometrics, Executor lane, ComputePool pool,
                                   Executor fx) {
        this.test = test;
        this.morphometrics = morphometrics;
        this.lane = lane;
        this.pool = pool;
        this.fx = fx;
    }

    /** The models measured so far, in the order of {@link #MODELS}. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** What is being done, what was found, or what went wrong. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Starts measuring every model (after the test images' morphometrics, if they are not known yet). */
    public void start() {
        if (test.dimension() != 28 * 28) {
            status.set("The bundled models draw 28 × 28 digits: open MNIST to run this experiment.");
            return;
        }
        status.set("Measuring the slant, thickness, … of the test images…");
        morphometrics.whenMeasured(test, table -> {
            for (Model m : MODELS) {
                lane.execute(() -> measure(m, table));
            }
        });
    }

    private void measure(Model m, MorphometricTable table) {
        fx.execute(() -> status.set("Measuring " + m.title() + " (" + (rows.size() + 1) + " of " + MODELS.size()
                + ")…"));
        try {
            Codec codec = ModelFile.loadResource(m.resource()).autoencoder();
            float[] codes = Encoding.encode(codec, test, pool);
            double error = ReconstructionError.evaluate(codec, test, pool).squaredError();
            Row row = new Row(m, error, MeasuredDimensions.of(codec, test, codes, table, pool));
            fx.execute(() -> {
                rows.add(row);
                if (rows.size() == MODELS.size()) {
                    status.set(String.format(Locale.ROOT, "All %d models measured on the %,d test images.",
                            MODELS.size(), test.size()));
                }
            });
        } catch (Exception e) {
            fx.execute(() -> status.set("Could not measure " + m.title() + ": " + Messages.describe(e)));
        }
    }
}
