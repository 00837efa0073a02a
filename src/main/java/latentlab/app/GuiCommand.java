package latentlab.app;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import latentlab.cli.UserError;
import latentlab.data.DatasetPair;
import latentlab.io.model.LessonFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gui [FILE.lesson] [--data DIR|FILE.csv]}: opens the window, on a lesson and/or a data set. What is named
 * is checked before the window opens, so a mistake ends like every other command's: one line starting with
 * {@code error:} and exit code 2. {@code latent-lab FILE.lesson} (a lesson double-clicked in a file manager)
 * means {@code latent-lab gui FILE.lesson}.
 */
@Command(name = "gui", mixinStandardHelpOptions = true,
        header = "Open the window (what runs without a command), optionally on a lesson and a data set.",
        description = {"Opens the Latent Lab window on the bundled MNIST, or on the data set given with --data, and "
                + "then on the lesson given, if any.",
            "  latent-lab gui digits.lesson",
            "  latent-lab gui --data ~/fashion-mnist"})
public final class GuiCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.lesson",
            description = "A lesson saved by the window (File > Save lesson).")
    Path lesson;

    @Option(names = "--data", paramLabel = "DIR|FILE.csv",
            description = "A folder with the four IDX files, or a CSV data set, to open instead of the bundled MNIST.")
    Path data;

    @Override
    public Integer call() {
        LatentLabApp.launchApp(check());
        return 0;
    }

    /** The request after checking that what it names is there. */
    StartRequest check() {
        if (lesson != null) {
            if (!Files.exists(lesson)) {
                throw new UserError("no such lesson: " + lesson);
            }
            if (!Files.isRegularFile(lesson)) {
                throw new UserError(lesson + " is not a lesson file (" + LessonFile.EXTENSION + ")");
            }
        }
        if (data != null) {
            if (!Files.exists(data)) {
                throw new UserError("--data " + data + ": no such folder or file");
            }
            if (!DatasetPair.looksLikeDataset(data)) {
                throw new UserError("--data " + data + ": neither a folder with the four IDX files ("
                        + String.join(", ", DatasetPair.expectedFileNames()) + ", each optionally .gz) nor a .csv file");
            }
        }
        return new StartRequest(lesson == null ? null : lesson.toAbsolutePath().normalize(),
                data == null ? null : data.toAbsolutePath().normalize());
    }

    /**
     * The arguments as the command line should read them: a lesson given alone or first (as a file manager or a
     * desktop's file association passes it, possibly as a {@code file:} URI) becomes {@code gui FILE.lesson}.
     */
    static String[] withGui(String[] args) {
        if (args.length == 0 || !args[0].toLowerCase(Locale.ROOT).endsWith(LessonFile.EXTENSION)
                || args[0].startsWith("-")) {
            return args;
        }
        String[] out = new String[args.length + 1];
        out[0] = "gui";
        out[1] = args[0].startsWith("file:") ? Path.of(URI.create(args[0])).toString() : args[0];
        System.arraycopy(args, 1, out, 2, args.length - 1);
        return out;
    }
}
