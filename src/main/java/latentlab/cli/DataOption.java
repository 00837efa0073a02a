package latentlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --data DIR} option shared by every command that reads a data set; defaults to the bundled MNIST. */
public final class DataOption {
    @Option(names = "--data", paramLabel = "DIR|CSV",
            description = "Folder with the four IDX files (train/t10k images and labels, optionally .gz), or a CSV "
                    + "file of label,pixel,... rows (a ...train....csv with its ...test....csv sibling, or one file "
                    + "split 6:1). Default: the bundled MNIST (datasets/mnist).")
    Path data;

    /** The command this option is part of: where its warnings go. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The folder to read: the option, or the bundled MNIST. */
    public Path folder() {
        if (data != null) {
            return data;
        }
        return DatasetLocator.bundledMnist().orElseThrow(() -> new UserError(
                "no --data folder given and the bundled MNIST was not found in " + DatasetLocator.candidates()));
    }

    /** Opens the train/test pair; what looks wrong with it but can be read is printed as a warning. */
    public DatasetPair open() throws IOException {
        DatasetPair pair = DatasetPair.open(folder());
        if (command != null) {
            PrintWriter err = command.commandLine().getErr();
            for (String w : pair.warnings()) {
                err.println("warning: " + w);
            }
            err.flush();
        }
        return pair;
    }
}
