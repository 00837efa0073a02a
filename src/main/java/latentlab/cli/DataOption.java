package latentlab.cli;

import java.io.IOException;
import java.nio.file.Path;

import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option shared by every command that reads a data set; defaults to the bundled MNIST. */
public final class DataOption {
    @Option(names = "--data", paramLabel = "DIR|CSV",
            description = "Folder with the four IDX files (train/t10k images and labels, optionally .gz), or a CSV "
                    + "file of label,pixel,... rows (a ...train....csv with its ...test....csv sibling, or one file "
                    + "split 6:1). Default: the bundled MNIST (datasets/mnist).")
    Path data;

    /** The folder to read: the option, or the bundled MNIST. */
    public Path folder() {
        if (data != null) {
            return data;
        }
        return DatasetLocator.bundledMnist().orElseThrow(() -> new UserError(
                "no --data folder given and the bundled MNIST was not found in " + DatasetLocator.candidates()));
    }

    /** Opens the train/test pair. */
    public DatasetPair open() throws IOException {
        return DatasetPair.open(folder());
    }
}
