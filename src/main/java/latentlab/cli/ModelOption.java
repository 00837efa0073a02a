package latentlab.cli;

import java.io.IOException;
import java.nio.file.Path;

import latentlab.io.model.ModelFile;
import picocli.CommandLine.Option;

/** The required {@code --model FILE} option. */
public final class ModelOption {
    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model file saved by 'train'.")
    Path model;

    /** Loads and validates the model file. */
    public ModelFile.Contents load() throws IOException {
        return ModelFile.load(model);
    }
}
