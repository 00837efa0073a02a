package latentlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import latentlab.compute.Progress;

/**
 * A training set and a test set, opened either from one folder holding the four standard MNIST-style IDX files
 * ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte},
 * {@code t10k-labels-idx1-ubyte}), each plain or with {@code .gz} — the dotted spelling some downloads use
 * ({@code train-images.idx3-ubyte}) is accepted too — or from CSV files of {@code label,pixel,...} rows (see
 * {@link CsvDatasetReader}): a {@code ...train....csv} file with its {@code ...test....csv} sibling, or one CSV file
 * that is split into training and test images (a fixed, seeded seventh of the images for testing, as MNIST's
 * 10,000 of 70,000).
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
        if (isCsv(folder) && Files.isRegularFile(folder)) {
            return openCsv(folder, progress);
        }
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, Files.exists(folder)
                    ? "neither a folder with the four IDX files nor a .csv file" : "no such folder or file");
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

    /** Seed of the split of a single CSV file into training and test images. */
    static final long CSV_SPLIT_SEED = 1;

    /** Whether {@code p} is named like a CSV data set ({@code .csv} or {@code .csv.gz}). */
    public static boolean isCsv(Path p) {
        Path f = p.getFileName();
        String n = f == null ? "" : f.toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".csv.gz");
    }

    /** Opens a CSV data set: a train file with its test sibling, or one file split into train and test. */
    private static DatasetPair openCsv(Path file, Progress progress) throws IOException {
        String fileName = file.getFileName().toString();
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        Path train = null;
        Path test = null;
        int at = lower.lastIndexOf("train");
        if (at >= 0) {
            Path sibling = file.resolveSibling(fileName.substring(0, at) + "test" + fileName.substring(at + 5));
            if (Files.isRegularFile(sibling)) {
                train = file;
                test = sibling;
            }
        }
        at = lower.lastIndexOf("test");
        if (train == null && at >= 0) {
            Path sibling = file.resolveSibling(fileName.substring(0, at) + "train" + fileName.substring(at + 4));
            if (Files.isRegularFile(sibling)) {
                train = sibling;
                test = file;
            }
        }
        if (train != null) {
            String label = stem(train.getFileName().toString()).replaceAll("(?i)[-_ .]*train[-_ .]*", "");
            label = label.isEmpty() ? stem(train.getFileName().toString()) : label;
            long a = Files.size(train);
            long b = Files.size(test);
            Dataset tr = CsvDatasetReader.read(train, label + " train", share(progress, 0, a, a + b));
            Dataset te = CsvDatasetReader.read(test, label + " test", share(progress, a, b, a + b));
            if (tr.rows() != te.rows()) {
                throw new IdxFormatException(train.getFileName() + " has images of " + tr.rows() + " x " + tr.cols()
                        + " but " + test.getFileName() + " has " + te.rows() + " x " + te.cols());
            }
            return new DatasetPair(label, tr, te);
        }
        String label = stem(fileName);
        Dataset all = CsvDatasetReader.read(file, label, progress);
        if (all.size() < 2) {
            throw new IdxFormatException(fileName + ": holds " + all.size() + " image; a data set needs at least 2 "
                    + "(some to train on, some to test with)");
        }
        int[] order = new int[all.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        new latentlab.math.Rng(CSV_SPLIT_SEED).shuffle(order);
        int testCount = Math.max(1, all.size() / 7);
        int[] testIdx = java.util.Arrays.copyOfRange(order, 0, testCount);
        int[] trainIdx = java.util.Arrays.copyOfRange(order, testCount, order.length);
        java.util.Arrays.sort(testIdx);
        java.util.Arrays.sort(trainIdx);
        return new DatasetPair(label, all.subset(label + " train", trainIdx), all.subset(label + " test", testIdx));
    }

    private static String stem(String fileName) {
        return fileName.replaceFirst("(?i)\\.csv(\\.gz)?$", "");
    }

    /** Progress of one of several files, as a share of the whole. */
    private static Progress share(Progress p, long before, long weight, long total) {
        return new Progress() {
            @Override
            public void update(double done, double all, String message) {
                p.update(before + weight * (all > 0 ? done / all : 0), total, message);
            }

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        };
    }

    /** Whether {@code path} is something {@link #open} can try: a folder with the four IDX files, or a CSV file. */
    public static boolean looksLikeDataset(Path path) {
        return (isCsv(path) && Files.isRegularFile(path)) || looksLikeDatasetFolder(path);
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
