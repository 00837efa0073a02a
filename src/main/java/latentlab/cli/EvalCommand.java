package latentlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import latentlab.compute.ComputePool;
import latentlab.data.DatasetPair;
import latentlab.eval.Encoding;
import latentlab.eval.KnnClassifier;
import latentlab.eval.ReconstructionError;
import latentlab.io.model.ModelFile;
import latentlab.nn.Codec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code eval}: test reconstruction error and 5-NN accuracy of a saved model. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Evaluate a saved model: test error per image and 5-NN accuracy of its codes.",
        description = "Prints the test set's squared error and cross-entropy per image and the "
                + "5-nearest-neighbour accuracy of the test codes against the training codes (a VAE adds its "
                + "ELBO).")
public final class EvalCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Mixin
    StepOption step;

    @Mixin
    DataOption data;

    @Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        ModelFile.Contents contents = model.load();
        DatasetPair pair = data.open();
        Codec codec = step.select(model, contents, w, pair::train);
        Encoding.checkDimension(codec, pair.test());
        try (ComputePool pool = new ComputePool(threads.threads())) {
            ReconstructionError.Result r = ReconstructionError.evaluate(codec, pair.test(), pool);
            float[] trainCodes = Encoding.encode(codec, pair.train(), pool);
            float[] testCodes = Encoding.encode(codec, pair.test(), pool);
            Encoding.checkFinite(trainCodes, codec.latentSize(), "training images");
            Encoding.checkFinite(testCodes, codec.latentSize(), "test images");
            double knn = new KnnClassifier(trainCodes, KnnClassifier.labels(pair.train()), codec.latentSize(), 5)
                    .accuracy(testCodes, KnnClassifier.labels(pair.test()), pool);
            w.printf("model: %s%n", codec.describe());
            w.printf("test_se_per_image: %.4f%n", r.squaredError());
            w.printf("test_bce_per_image: %s%n", Double.isNaN(r.crossEntropy()) ? "n/a (no sigmoid output)"
                    : String.format("%.4f", r.crossEntropy()));
            w.printf("knn5_accuracy: %.4f%n", knn);
            if (codec instanceof latentlab.nn.Autoencoder ae && ae.architecture().isVariational()) {
                latentlab.eval.Elbo.Result e = latentlab.eval.Elbo.evaluate(ae, pair.test(), pool, 0);
                w.printf("test_elbo_per_image: %.4f%n", e.elbo());
                w.printf("test_kl_per_image: %.4f%n", e.kl());
                w.printf("test_sampled_bce_per_image: %.4f%n", e.reconstruction());
            }
        }
        return 0;
    }
}
