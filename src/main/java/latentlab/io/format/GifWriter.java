package latentlab.io.format;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import latentlab.compute.Progress;
import latentlab.compute.ProgressSlice;

/**
 * Writes an animated GIF (GIF89a) that loops forever, from ARGB frames such as snapshots of the latent map taken
 * while training, with {@code javax.imageio}'s GIF encoder and its metadata tree
 * ({@code javax_imageio_gif_image_1.0}):
 * <ul>
 * <li>each frame carries a Graphic Control Extension with its delay (in hundredths of a second, as GIF89a
 *     stores it) and disposal "none" (every frame is complete and opaque);</li>
 * <li>the first frame carries the NETSCAPE2.0 application extension with loop count 0, which browsers and viewers
 *     read as "repeat forever";</li>
 * <li>all frames share one global 256-colour table, chosen for plots on a white page (see {@link GifPalette}).</li>
 * </ul>
 * Written atomically; choosing colours and encoding report progress and stop when cancelled.
 *
 * @see <a href="https://www.w3.org/Graphics/GIF/spec-gif89a.txt">GIF89a specification</a>
 */
public final class GifWriter {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private GifWriter() {
    }

    /**
     * Writes {@code frames} ({@code width x height} ARGB pixels each, row-major) to {@code file}, showing each for
     * {@code delayMillis}.
     *
     * <p>The list is read twice (colours, then encoding) and one frame at a time, so a caller short of memory may
     * pass a list that decodes its frames on demand.
     */
    public static void write(Path file, List<int[]> frames, int width, int height, int delayMillis, Progress progress)
            throws IOException {
        write(file, frames, width, height, delayMillis, delayMillis, progress);
    }

    /**
     * Same, but shows the last frame for {@code lastDelayMillis} (for example two seconds, so the trained map stays
     * in view before the animation starts again).
     */
    public static void write(Path file, List<int[]> frames, int width, int height, int delayMillis,
                             int lastDelayMillis, Progress progress) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animation needs at least one frame");
        }
        if (width < 1 || height < 1 || width > 0xFFFF || height > 0xFFFF) {
            throw new IllegalArgumentException("a GIF is 1 to 65535 pixels wide and high, not " + width + " x " + height);
        }
        for (int f = 0; f < frames.size(); f++) {
            if (frames.get(f).length != (long) width * height) {
                throw new IllegalArgumentException("frame " + f + " has " + frames.get(f).length
                        + " pixels, not " + width + " x " + height);
            }
        }
        int n = frames.size();
        GifPalette palette = GifPalette.build(frames, new ProgressSlice(progress, 0, n * 0.3, n));
        String message = "Writing " + file.getFileName();
        AtomicFile.writeBytes(file, ch -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            encode(out, frames, width, height, palette, delayMillis, lastDelayMillis,
                    new ProgressSlice(progress, n * 0.3, n, n), message);
            out.flush();
        });
        progress.update(n, n, message);
    }

    /** The delay GIF stores for {@code millis}: hundredths of a second, at least 2 (browsers slow down 0 and 1). */
    public static int delayCentiseconds(int millis) {
        return Math.max(2, Math.min(0xFFFF, Math.round(millis / 10f)));
    }

    private static void encode(OutputStream out, List<int[]> frames, int width, int height, GifPalette palette,
                               int delayMillis, int lastDelayMillis, Progress progress, String message)
            throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no GIF encoder");
        }
        ImageWriter writer = writers.next();
        ImageOutputStream ios = new MemoryCacheImageOutputStream(out);
        try {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            // Interlacing only helps a single picture arriving over a slow line; animations are not interlaced.
            if (param.canWriteProgressive()) {
                param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
            }
            writer.prepareWriteSequence(null);
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette.colourModel());
            byte[] indices = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            int n = frames.size();
            for (int f = 0; f < n; f++) {
                progress.update(f, n, message);
                progress.checkCancelled();
                palette.index(frames.get(f), indices);
                int delay = f == n - 1 ? lastDelayMillis : delayMillis;
                IIOMetadata meta = frameMetadata(writer, img, param, delayCentiseconds(delay), f == 0);
                writer.writeToSequence(new IIOImage(img, null, meta), param);
            }
            writer.endWriteSequence();
            ios.flush();
        } finally {
            writer.dispose();
            ios.close();
        }
    }

    private static IIOMetadata frameMetadata(ImageWriter writer, BufferedImage img, ImageWriteParam param,
                                             int centiseconds, boolean first) throws IIOInvalidTreeException {
        // Not ImageTypeSpecifier.createFromRenderedImage: for a TYPE_BYTE_INDEXED image it returns the standard
        // specifier with the default palette, whose colours would then be written as the colour table.
        IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(img), param);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(centiseconds));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            // Sub-block 1 of the NETSCAPE2.0 extension: the loop count, little-endian; 0 repeats forever.
            app.setUserObject(new byte[] {1, 0, 0});
            child(root, "ApplicationExtensions").appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
        return meta;
    }

    /** The child of {@code parent} called {@code name}, created if missing. */
    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }
}
