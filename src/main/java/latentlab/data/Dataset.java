package latentlab.data;

import java.util.Objects;

/**
 * Labelled greyscale images, stored compactly: one unsigned byte per pixel (0..255) and one per label.
 * The image shape comes from the data (rows x cols); nothing assumes 28 x 28.
 *
 * <p>Immutable: the arrays are never handed out for writing.
 */
public final class Dataset {
    /** Largest number of classes a dataset may have (labels are stored as unsigned bytes). */
    public static final int MAX_CLASSES = 256;

    private final String name;
    private final int count;
    private final int rows;
    private final int cols;
    private final byte[] pixels;
    private final byte[] labels;
    private final int classCount;
    private final ClassNames classNames;

    /**
     * @param name   shown to the user, e.g. "MNIST train"
     * @param rows   image height
     * @param cols   image width
     * @param pixels {@code count * rows * cols} unsigned bytes, image after image (not copied: the caller gives it up)
     * @param labels {@code count} labels in 0..255 as unsigned bytes (not copied)
     */
    public Dataset(String name, int rows, int cols, byte[] pixels, byte[] labels) {
        this(name, rows, cols, pixels, labels, null);
    }

    private Dataset(String name, int rows, int cols, byte[] pixels, byte[] labels, ClassNames classNames) {
        this.name = Objects.requireNonNull(name, "name");
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("image size must be at least 1 x 1, got " + rows + " x " + cols);
        }
        long d = (long) rows * cols;
        if (pixels.length % d != 0 || pixels.length / d != labels.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels but "
                    + (pixels.length / (double) d) + " images of " + rows + " x " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.count = labels.length;
        this.pixels = pixels;
        this.labels = labels;
        int max = 0;
        for (byte b : labels) {
            max = Math.max(max, b & 0xFF);
        }
        this.classCount = max + 1;
        this.classNames = classNames == null ? new ClassNames(java.util.List.of(), "class") : classNames;
    }

    /**
     * Pairs an images array ({@code n x rows x cols}, unsigned bytes) with a labels array ({@code n} integers in
     * 0..255) read from IDX files, checking that they fit together.
     *
     * @throws IdxFormatException naming the file and the mismatch
     */
    public static Dataset fromIdx(String name, IdxArray images, String imagesFile, IdxArray labels, String labelsFile)
            throws IdxFormatException {
        if (images.type() != IdxType.UNSIGNED_BYTE) {
            throw new IdxFormatException(imagesFile + ": images must be unsigned bytes (type 0x08), this file holds "
                    + images.type());
        }
        if (images.rank() != 3) {
            throw new IdxFormatException(imagesFile + ": images must have 3 dimensions (count x rows x cols), this file has "
                    + images.rank());
        }
        if (labels.rank() != 1) {
            throw new IdxFormatException(labelsFile + ": labels must have 1 dimension, this file has " + labels.rank());
        }
        int n = images.dimension(0);
        if (labels.dimension(0) != n) {
            throw new IdxFormatException(imagesFile + " holds " + n + " images but " + labelsFile + " holds "
                    + labels.dimension(0) + " labels");
        }
        byte[] lab = new byte[n];
        for (int i = 0; i < n; i++) {
            double v = labels.getAsDouble(i);
            if (v != Math.rint(v) || v < 0 || v >= MAX_CLASSES) {
                throw new IdxFormatException(labelsFile + ": label " + i + " is " + v
                        + "; labels must be whole numbers from 0 to " + (MAX_CLASSES - 1));
            }
            lab[i] = (byte) (int) v;
        }
        return new Dataset(name, images.dimension(1), images.dimension(2), images.bytes(), lab);
    }

    public String name() {
        return name;
    }

    /** Number of images. */
    public int size() {
        return count;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Pixels per image, d = rows x cols. */
    public int dimension() {
        return rows * cols;
    }

    /** What the classes are called (by default their numbers, each a "class"). */
    public ClassNames classNames() {
        return classNames;
    }

    /** The same images and labels (shared, not copied) with {@code names} for the classes. */
    public Dataset withClassNames(ClassNames names) {
        return new Dataset(name, rows, cols, pixels, labels, Objects.requireNonNull(names, "names"));
    }

    /** One more than the largest label. */
    public int classCount() {
        return classCount;
    }

    public int label(int i) {
        return labels[i] & 0xFF;
    }

    /** Pixel {@code j} of image {@code i}, 0..255. */
    public int pixel(int i, int j) {
        return pixels[i * dimension() + j] & 0xFF;
    }

    /** Copies image {@code i}, scaled to [0, 1], into {@code dst} starting at {@code offset}. */
    public void copyImage(int i, float[] dst, int offset) {
        int d = dimension();
        int src = i * d;
        for (int j = 0; j < d; j++) {
            dst[offset + j] = (pixels[src + j] & 0xFF) * (1f / 255f);
        }
    }

    /** Image {@code i} scaled to [0, 1], freshly allocated. */
    public float[] image(int i) {
        float[] x = new float[dimension()];
        copyImage(i, x, 0);
        return x;
    }

    /** Feeds every pixel, image after image, to {@code sum} (a fingerprint of the images; nothing is copied). */
    public void checksum(java.util.zip.Checksum sum) {
        sum.update(pixels, 0, pixels.length);
    }

    /** Copies the raw bytes of image {@code i} into {@code dst} at {@code offset}. */
    public void copyRaw(int i, byte[] dst, int offset) {
        System.arraycopy(pixels, i * dimension(), dst, offset, dimension());
    }

    /** The images with the given indices, in that order, as a new dataset. */
    public Dataset subset(String subsetName, int[] indices) {
        int d = dimension();
        byte[] p = new byte[indices.length * d];
        byte[] l = new byte[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * d, p, k * d, d);
            l[k] = labels[indices[k]];
        }
        return new Dataset(subsetName, rows, cols, p, l, classNames);
    }

    /** The first {@code n} images (or all, if fewer). */
    public Dataset first(int n) {
        int m = Math.min(n, count);
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
        }
        return subset(name, idx);
    }

    /** How many images carry each label. */
    public int[] labelCounts() {
        int[] c = new int[classCount];
        for (byte b : labels) {
            c[b & 0xFF]++;
        }
        return c;
    }

    @Override
    public String toString() {
        return name + " (" + count + " images of " + rows + " x " + cols + ", " + classCount + " classes)";
    }
}
