package latentlab.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

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
     * Opens the four files in {@code folder}, or the CSV file {@code folder}; progress is in uncompressed bytes
     * across all files.
     *
     * @throws DataSetNotFoundException if nothing is at {@code folder} (or a symbolic link there leads nowhere)
     * @throws java.nio.file.FileSystemException naming the path and the true cause: a file missing from the folder,
     *                             a folder or device where a file should be, a loop of symbolic links, permission
     * @throws DataFileException  naming the malformed file and its problem
     */
    public static DatasetPair open(Path folder, Progress progress) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = InputFile.attributes(folder);
        } catch (NoSuchFileException e) {
            throw new DataSetNotFoundException(folder, e.getReason() != null ? e.getReason() : "no such folder or file");
        }
        if (isCsv(folder) && attributes.isRegularFile()) {
            return openCsv(folder, progress);
        }
        if (!attributes.isDirectory()) {
            throw new FileSystemException(folder.toString(), null,
                    "neither a folder with the four IDX files nor a .csv file");
        }
        if (!Files.isExecutable(folder)) {
            throw new AccessDeniedException(folder.toString(), null, "cannot open the folder");
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

    /**
     * The labels that some test images carry but no training image does, each with its number of test images
     * (a model never learns such a class; a legend would grow a class the training set does not have).
     */
    public SortedMap<Integer, Integer> testOnlyLabels() {
        int[] trainCounts = train.labelCounts();
        int[] testCounts = test.labelCounts();
        SortedMap<Integer, Integer> out = new TreeMap<>();
        for (int label = 0; label < testCounts.length; label++) {
            if (testCounts[label] > 0 && (label >= trainCounts.length || trainCounts[label] == 0)) {
                out.put(label, testCounts[label]);
            }
        }
        return out;
    }

    /** What looks wrong with this pair though it could be read, one sentence each; empty if nothing does. */
    public List<String> warnings() {
        SortedMap<Integer, Integer> only = testOnlyLabels();
        if (only.isEmpty()) {
            return List.of();
        }
        int images = only.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder which = new StringBuilder();
        int shown = 0;
        for (var e : only.entrySet()) {
            if (shown++ == 10) {
                which.append(", ...");
                break;
            }
            which.append(which.length() == 0 ? "" : ", ").append(e.getKey()).append(" (").append(e.getValue())
                    .append(e.getValue() == 1 ? " image)" : " images)");
        }
        return List.of(String.format("%s: %,d test image%s %s label%s that no training image has: %s", name, images,
                images == 1 ? "" : "s", images == 1 ? "has a" : "have", only.size() == 1 ? "" : "s", which));
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
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The file of one of the four in {@code folder}, under any of its accepted names. A name that is there but
     * cannot be read as a file (a folder, a device, a loop or a dead end of symbolic links, no permission) is
     * reported as what it is, unless another accepted name is a readable file.
     */
    private static Path find(Path folder, String split, String kind, String idx) throws IOException {
        String[] stems = {split + "-" + kind + "-" + idx + "-ubyte", split + "-" + kind + "." + idx + "-ubyte"};
        IOException problem = null;
        for (String stem : stems) {
            for (String suffix : new String[] {"", ".gz"}) {
                Path p = folder.resolve(stem + suffix);
                try {
                    InputFile.size(p);
                    return p;
                } catch (NoSuchFileException e) {
                    if (Files.isSymbolicLink(p) && problem == null) {
                        problem = e;
                    }
                } catch (IOException e) {
                    if (problem == null) {
                        problem = e;
                    }
                }
            }
        }
        if (problem != null) {
            throw problem;
        }
        throw new NoSuchFileException(folder.resolve(stems[0]).toString(), null,
                "missing " + stems[0] + "[.gz] in " + folder);
    }
}
