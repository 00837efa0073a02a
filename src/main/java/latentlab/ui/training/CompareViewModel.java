package latentlab.ui.training;

import java.io.IOException;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.eval.Encoding;
import latentlab.io.Messages;
import latentlab.io.model.ModelFile;
import latentlab.nn.Autoencoder;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.session.JobRunner;

/**
 * A plain autoencoder and a variational one on the same test images: the bundled plain model on the left, and on
 * the right the VAE being trained (if the current network is one, with k = 2, for these images) or the bundled
 * VAE. Both models are read and encode the images in the background; the two spaces share one selection.
 */
public final class CompareViewModel {
    /** The plain model shown on the left (bundled). */
    public static final String PLAIN = "/latentlab/pretrained/mnist-784-256-64-2.llm";
    /** The VAE shown on the right unless the current model is a VAE (bundled). */
    public static final String VAE = "/latentlab/pretrained/mnist-784-256-64-2-vae.llm";

    private final SelectionModel selection = new SelectionModel();
    private final LatentSpaceModel plain = new LatentSpaceModel("Autoencoder", selection);
    private final LatentSpaceModel vae = new LatentSpaceModel("VAE", selection);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Encoding the test images…");

    /**
     * Starts reading and encoding on {@code jobs}.
     *
     * @param current the network being trained, or null
     */
    public CompareViewModel(Dataset test, Autoencoder current, JobRunner jobs, ComputePool pool) {
        plain.setDisplay(test);
        vae.setDisplay(test);
        boolean useCurrent = current != null && current.architecture().isVariational()
                && current.inputSize() == test.dimension() && current.latentSize() == 2;
        Task<Encoded> task = new Task<>() {
            @Override
            protected Encoded call() throws IOException {
                Autoencoder a = ModelFile.loadResource(PLAIN).autoencoder();
                Autoencoder b = useCurrent ? current : ModelFile.loadResource(VAE).autoencoder();
                if (a.inputSize() != test.dimension()) {
                    throw new IllegalArgumentException("the bundled models are for 28 × 28 MNIST images; open MNIST "
                            + "to compare");
                }
                return new Encoded(a, Encoding.encode(a, test, pool), b, Encoding.encode(b, test, pool));
            }
        };
        task.setOnSucceeded(e -> {
            Encoded r = task.getValue();
            plain.update(r.plain(), r.plainCodes());
            vae.update(r.vae(), r.vaeCodes());
            status.set(useCurrent ? "Right: the VAE you are training." : "Right: the bundled VAE (20 epochs, β = 1).");
        });
        task.setOnFailed(e -> status.set("Could not show the comparison: " + Messages.describe(task.getException())));
        jobs.submit(task);
    }

    /** The plain autoencoder's space. */
    public LatentSpaceModel plain() {
        return plain;
    }

    /** The VAE's space. */
    public LatentSpaceModel vae() {
        return vae;
    }

    /** What the window says under the maps: progress, the right model, or the problem. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private record Encoded(Autoencoder plain, float[] plainCodes, Autoencoder vae, float[] vaeCodes) {
    }
}
