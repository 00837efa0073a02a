package latentlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import latentlab.util.Progress;

/**
 * A training set and a test set opened from one folder holding the four standard MNIST-style IDX files
 * ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte},
 * {@code t10k-labels-idx1-ubyte}), each plain or with {@code .gz}. The dotted spelling some downloads use
 * ({@code train-images.idx3-ubyte}) is accepted too.
 */
public record DatasetPair(String name, Dataset train, Dataset test) {

    public DatasetPair {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IllegalArgumentException("training images are " + train.rows() + " x " + train.cols()
                    + " but test images are " + test.rows() + " x " + test.cols());
        }
    }

    /** Opens a folder without progress reporting. */
    public static DatasetPair open(Path folder) throws IOException {
        return open(folder, Progress.NONE);
    }

    /**
     * Opens the four files in {@code folder}; progress is in uncompressed bytes across all four.
     *
     * @throws NoSuchFileException naming the missing file
     * @throws IdxFormatException  naming the malformed file and its problem
     */
    public static DatasetPair open(Path folder, Progress progress) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "not a folder");
        }
        Path trainImages = find(folder, "train", "images", "idx3");
        Path trainLabels = find(folder, "train", "labels", "idx1");
        Path testImages = find(folder, "t10k", "images", "idx3");
        Path testLabels = find(folder, "t10k", "labels", "idx1");
        // Uncompressed sizes are unknown for gzip files; the image files dominate, so weight them by file size.
        long[] sizes = {Files.size(trainImages), Files.size(testImages)};
        long total = sizes[0] + sizes[1];
        String label = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        Dataset train = load(label + " train", trainImages, trainLabels, progress, 0, sizes[0], total);
        Dataset test = load(label + " test", testImages, testLabels, progress, sizes[0], sizes[1], total);
        return new DatasetPair(label, train, test);
    }

    private static Dataset load(String name, Path images, Path labels, Progress progress,
                                long before, long weight, long total) throws IOException {
        progress.checkCancelled();
        IdxArray img = IdxReader.read(images, (done, all) -> {
            progress.update(before + weight * (double) done / all, total, "Reading " + images.getFileName());
            progress.checkCancelled();
        });
        IdxArray lab = IdxReader.read(labels);
        return Dataset.fromIdx(name, img, images.getFileName().toString(), lab, labels.getFileName().toString());
    }

    /** The four file names a folder must hold (without the optional .gz). */
    public static List<String> expectedFileNames() {
        return List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    }

    /** Whether {@code folder} holds all four files. */
    public static boolean looksLikeDatasetFolder(Path folder) {
        try {
            find(folder, "train", "images", "idx3");
            find(folder, "train", "labels", "idx1");
            find(folder, "t10k", "images", "idx3");
            find(folder, "t10k", "labels", "idx1");
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static Path find(Path folder, String split, String kind, String idx) throws NoSuchFileException {
        String[] stems = {split + "-" + kind + "-" + idx + "-ubyte", split + "-" + kind + "." + idx + "-ubyte"};
        for (String stem : stems) {
            for (String suffix : new String[] {"", ".gz"}) {
                Path p = folder.resolve(stem + suffix);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        throw new NoSuchFileException(folder.resolve(stems[0]).toString(), null,
                "missing " + stems[0] + "[.gz] in " + folder);
    }
}
