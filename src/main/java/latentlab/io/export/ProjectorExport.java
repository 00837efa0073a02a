package latentlab.io.export;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import latentlab.compute.Progress;
import latentlab.compute.ProgressSlice;
import latentlab.data.ClassNames;
import latentlab.data.Dataset;
import latentlab.io.format.AtomicFile;
import latentlab.io.format.PngWriter;
import latentlab.io.format.StagedFolder;

/**
 * Files for the TensorFlow Embedding Projector (projector.tensorflow.org, and TensorBoard's Projector tab):
 * <pre>
 * vectors.tsv             one row per image: its k code values, tab-separated, no header
 * metadata.tsv            header "label\tindex\treconstruction_error", then one row per image; when the data set
 *                         names its classes (classes.txt), a fourth column "class" with the name
 * sprite.png              the images tiled row-major in a square grid (image i at row i / g, column i % g)
 * projector_config.pbtxt  embeddings { tensor_path, metadata_path, sprite { image_path, single_image_dim } }
 * </pre>
 * The Projector's "Load" dialog takes {@code vectors.tsv} (step 1) and {@code metadata.tsv} (step 2); colour by
 * "label" to see the digits' clusters. The sprite is shown by TensorBoard, which reads
 * {@code projector_config.pbtxt} from its log folder ({@code tensorboard --logdir FOLDER}); the paths in it are
 * relative to that folder. Format: TensorBoard's {@code projector_config.proto} (EmbeddingInfo, SpriteMetadata).
 *
 * <p>The sprite: the Projector draws each point as its tile multiplied by the point's colour onto a white page, and
 * finds tile i at column {@code i mod perRow}, row {@code floor(i / perColumn)}, so the grid must be square
 * (g x g tiles, g = ceil(sqrt(n)), unused tiles empty), and it accepts at most 8192 x 8192 pixels. For 10,000
 * MNIST digits that is a 100 x 100 grid of 2,800 x 2,800 pixels; at most 85,264 digits of 28 x 28 fit. Bigger
 * exports are refused with a message saying how many images fit (see {@link CodeTable#sample}).
 *
 * <p>Colours: by default white digits on black, as MNIST stores them (0 = background, 255 = ink), so the bytes
 * go into the sprite unchanged. It also suits how the Projector draws a tile: its shader multiplies the tile by the
 * point's colour, so white ink takes the label colour ("colour by label" shows on the digits themselves) while the
 * black square stays neutral; black on white would tint the whole square and keep the strokes black.
 *
 * <p>All files are written into a staging folder first and moved into place together: a failure or a
 * cancellation leaves the chosen folder as it was.
 */
public final class ProjectorExport {
    /** The Projector's largest sprite, in pixels per side. */
    public static final int MAX_SPRITE_SIDE = 8192;
    public static final String VECTORS = "vectors.tsv";
    public static final String METADATA = "metadata.tsv";
    public static final String SPRITE = "sprite.png";
    public static final String CONFIG = "projector_config.pbtxt";

    /** Whether and how to draw the sprite. */
    public enum Sprite {
        /** No sprite: vectors, metadata and config only (no size limit). */
        NONE,
        /** White digits on black, as MNIST stores them (the default). */
        WHITE_ON_BLACK,
        /** Black digits on white, as Latent Lab's window draws them. */
        BLACK_ON_WHITE
    }

    /**
     * @param sprite     whether and how to draw the sprite
     * @param tensorName the embedding's name shown by the Projector
     */
    public record Options(Sprite sprite, String tensorName) {
        public Options {
            Objects.requireNonNull(sprite, "sprite");
            Objects.requireNonNull(tensorName, "tensorName");
        }

        /** White-on-black sprite, tensor name "Latent Lab codes". */
        public static Options defaults() {
            return new Options(Sprite.WHITE_ON_BLACK, "Latent Lab codes");
        }
    }

    private ProjectorExport() {
    }

    /** Side of the square sprite grid for {@code n} images: ceil(sqrt(n)). */
    public static int gridSize(int n) {
        int g = (int) Math.ceil(Math.sqrt(n));
        while ((long) g * g < n) {
            g++;
        }
        while (g > 0 && (long) (g - 1) * (g - 1) >= n) {
            g--;
        }
        return g;
    }

    /** The most images of {@code rows x cols} pixels that fit a sprite of at most 8192 x 8192 pixels. */
    public static int maxSpriteImages(int rows, int cols) {
        long g = MAX_SPRITE_SIDE / Math.max(rows, cols);
        return (int) Math.min(Integer.MAX_VALUE, g * g);
    }

    /**
     * Throws IllegalArgumentException, saying how many images would fit, if {@code n} images of {@code rows x cols}
     * pixels make a sprite larger than the Projector accepts.
     */
    public static void checkSprite(int n, int rows, int cols) {
        long side = (long) gridSize(n) * Math.max(rows, cols);
        if (side > MAX_SPRITE_SIDE) {
            int g = gridSize(n);
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d images of %d x %d pixels need a "
                    + "%,d x %,d sprite, but the Embedding Projector accepts at most %d x %d pixels, room for %,d of these "
                    + "images: "
                    + "export a sample of them, or leave out the sprite", n, rows, cols, g * cols, g * rows,
                    MAX_SPRITE_SIDE, MAX_SPRITE_SIDE, maxSpriteImages(rows, cols)));
        }
    }

    /**
     * Writes the Projector files for {@code table} into {@code folder} (created if missing), replacing files of
     * the same names, all or nothing.
     *
     * @return the files written
     * @throws IllegalArgumentException before writing anything, if the table is empty or the sprite would be too
     *                                  large
     * @throws latentlab.compute.CancelledException if {@code progress} was cancelled (the folder is unchanged)
     */
    public static List<Path> write(Path folder, CodeTable table, Options options, Progress progress)
            throws IOException {
        Dataset data = table.data();
        if (table.size() == 0) {
            throw new IllegalArgumentException("there are no images to export");
        }
        boolean sprite = options.sprite() != Sprite.NONE;
        if (sprite) {
            checkSprite(table.size(), data.rows(), data.cols());
        }
        try (StagedFolder staged = StagedFolder.open(folder)) {
            double spriteShare = sprite ? 60 : 0;
            double textEnd = 100 - spriteShare;
            writeVectors(staged.stage(VECTORS), table, new ProgressSlice(progress, 0, textEnd * 0.7, 100));
            writeMetadata(staged.stage(METADATA), table, new ProgressSlice(progress, textEnd * 0.7, textEnd, 100));
            if (sprite) {
                BufferedImage img = sprite(data, options.sprite() == Sprite.WHITE_ON_BLACK,
                        new ProgressSlice(progress, textEnd, textEnd + spriteShare / 3, 100));
                PngWriter.write(staged.stage(SPRITE), img, new ProgressSlice(progress, textEnd + spriteShare / 3, 100,
                        100));
            }
            String config = config(table, options, data.rows(), data.cols());
            AtomicFile.write(staged.stage(CONFIG), w -> w.write(config));
            progress.checkCancelled();
            List<Path> files = staged.commit();
            progress.update(100, 100, "Wrote " + files.size() + " files to " + folder.getFileName());
            return files;
        }
    }

    private static void writeVectors(Path file, CodeTable t, Progress progress) throws IOException {
        int n = t.size();
        int k = t.k();
        AtomicFile.write(file, (BufferedWriter w) -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                report(progress, i, n, "Writing " + VECTORS);
                sb.setLength(0);
                for (int j = 0; j < k; j++) {
                    if (j > 0) {
                        sb.append('\t');
                    }
                    // Float.toString round-trips exactly and never uses a locale's decimal comma.
                    sb.append(Float.toString(t.code(i, j)));
                }
                w.write(sb.append('\n').toString());
            }
        });
    }

    private static void writeMetadata(Path file, CodeTable t, Progress progress) throws IOException {
        int n = t.size();
        ClassNames names = t.data().classNames();
        AtomicFile.write(file, (BufferedWriter w) -> {
            w.write("label\tindex\treconstruction_error" + (names.named() ? "\tclass" : "") + "\n");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                report(progress, i, n, "Writing " + METADATA);
                sb.setLength(0);
                sb.append(t.label(i)).append('\t').append(t.index(i)).append('\t')
                        .append(CodesCsv.format(t.errors()[i]));
                if (names.named()) {
                    // The Projector's TSV has no quoting: a tab or line break in a name would end the field.
                    sb.append('\t').append(names.name(t.label(i)).replaceAll("[\\t\\r\\n]", " "));
                }
                w.write(sb.append('\n').toString());
            }
        });
    }

    private static void report(Progress progress, int i, int n, String message) {
        if (i % 1024 == 0) {
            progress.update(i, n, message);
            progress.checkCancelled();
        }
    }

    /**
     * The sprite of every image of {@code data}: a square grid of {@link #gridSize} tiles per side, image i at
     * tile row i / g, column i % g, 8-bit grey; unused tiles are background.
     */
    public static BufferedImage sprite(Dataset data, boolean whiteOnBlack, Progress progress) {
        int n = data.size();
        int rows = data.rows();
        int cols = data.cols();
        checkSprite(n, rows, cols);
        int g = Math.max(1, gridSize(n));
        BufferedImage img = new BufferedImage(g * cols, g * rows, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int width = g * cols;
        if (!whiteOnBlack) {
            Arrays.fill(px, (byte) 0xFF);
        }
        byte[] tile = new byte[rows * cols];
        for (int i = 0; i < n; i++) {
            if (i % 1024 == 0) {
                progress.update(i, n, "Drawing " + SPRITE);
                progress.checkCancelled();
            }
            data.copyRaw(i, tile, 0);
            int x0 = (i % g) * cols;
            int y0 = (i / g) * rows;
            for (int r = 0; r < rows; r++) {
                int dst = (y0 + r) * width + x0;
                if (whiteOnBlack) {
                    System.arraycopy(tile, r * cols, px, dst, cols);
                } else {
                    for (int c = 0; c < cols; c++) {
                        px[dst + c] = (byte) (255 - (tile[r * cols + c] & 0xFF));
                    }
                }
            }
        }
        return img;
    }

    /** The {@code projector_config.pbtxt} text (protocol buffer text format of TensorBoard's ProjectorConfig). */
    static String config(CodeTable t, Options options, int rows, int cols) {
        StringBuilder sb = new StringBuilder("embeddings {\n");
        sb.append("  tensor_name: ").append(quote(options.tensorName())).append('\n');
        sb.append("  tensor_shape: [").append(t.size()).append(", ").append(t.k()).append("]\n");
        sb.append("  tensor_path: ").append(quote(VECTORS)).append('\n');
        sb.append("  metadata_path: ").append(quote(METADATA)).append('\n');
        if (options.sprite() != Sprite.NONE) {
            sb.append("  sprite {\n");
            sb.append("    image_path: ").append(quote(SPRITE)).append('\n');
            // single_image_dim is [width, height] of one tile.
            sb.append("    single_image_dim: [").append(cols).append(", ").append(rows).append("]\n");
            sb.append("  }\n");
        }
        return sb.append("}\n").toString();
    }

    /** A protobuf text-format string literal: quotes and backslashes escaped, other non-printables as octal. */
    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c == '"' || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c < 0x20 || c >= 0x7F) {
                sb.append('\\').append(String.format(Locale.ROOT, "%03o", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.append('"').toString();
    }
}
