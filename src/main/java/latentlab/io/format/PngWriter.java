package latentlab.io.format;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.RenderedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOWriteProgressListener;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import latentlab.compute.Progress;

/**
 * Writes PNG files (ISO/IEC 15948, W3C PNG specification) atomically with {@code javax.imageio}'s PNG encoder,
 * reporting the encoder's progress and aborting it when cancelled. For view snapshots, sprites and frame sequences.
 */
public final class PngWriter {
    private PngWriter() {
    }

    /** Writes {@code image} to {@code file} atomically. */
    public static void write(Path file, RenderedImage image) throws IOException {
        write(file, image, Progress.NONE);
    }

    /**
     * Writes {@code image} to {@code file} atomically; when {@code progress} is cancelled the encoder stops, the
     * file that was there stays, and CancelledException is thrown.
     */
    public static void write(Path file, RenderedImage image, Progress progress) throws IOException {
        String message = "Writing " + file.getFileName();
        AtomicFile.writeBytes(file, ch -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            encode(out, image, progress, message);
            out.flush();
        });
    }

    /**
     * Writes {@code width x height} ARGB pixels (row-major, as JavaFX's {@code PixelFormat.getIntArgbInstance()} and
     * {@link BufferedImage#TYPE_INT_ARGB} hold them) to {@code file} atomically; fully opaque images are stored
     * without an alpha channel.
     */
    public static void write(Path file, int[] argb, int width, int height) throws IOException {
        write(file, image(argb, width, height), Progress.NONE);
    }

    /**
     * A {@link BufferedImage} over a copy of {@code argb}: {@code TYPE_INT_RGB} if every pixel is opaque (a smaller
     * PNG), else {@code TYPE_INT_ARGB}.
     */
    public static BufferedImage image(int[] argb, int width, int height) {
        if (width < 1 || height < 1 || argb.length != (long) width * height) {
            throw new IllegalArgumentException(argb.length + " pixels do not make a " + width + " x " + height
                    + " image");
        }
        boolean opaque = true;
        for (int p : argb) {
            if (p >>> 24 != 0xFF) {
                opaque = false;
                break;
            }
        }
        BufferedImage img = new BufferedImage(width, height,
                opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        int[] dst = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(argb, 0, dst, 0, argb.length);
        return img;
    }

    /** Encodes {@code image} as PNG into {@code out} (not closed), reporting progress and honouring cancellation. */
    static void encode(OutputStream out, RenderedImage image, Progress progress, String message) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no PNG encoder");
        }
        ImageWriter writer = writers.next();
        // The memory cache keeps javax.imageio from creating cache files in the temp folder; closing it leaves
        // the underlying stream open.
        ImageOutputStream ios = new MemoryCacheImageOutputStream(out);
        try {
            writer.setOutput(ios);
            writer.addIIOWriteProgressListener(new CancellingListener(progress, message));
            writer.write(null, new IIOImage(image, null, null), writer.getDefaultWriteParam());
            progress.checkCancelled();
            ios.flush();
        } finally {
            writer.dispose();
            ios.close();
        }
    }

    /** Forwards the encoder's percentage to a Progress and aborts the encoder when the Progress is cancelled. */
    static final class CancellingListener implements IIOWriteProgressListener {
        private final Progress progress;
        private final String message;

        CancellingListener(Progress progress, String message) {
            this.progress = progress;
            this.message = message;
        }

        @Override
        public void imageStarted(ImageWriter source, int imageIndex) {
        }

        @Override
        public void imageProgress(ImageWriter source, float percentageDone) {
            progress.update(percentageDone, 100, message);
            if (progress.isCancelled()) {
                source.abort();
            }
        }

        @Override
        public void imageComplete(ImageWriter source) {
        }

        @Override
        public void thumbnailStarted(ImageWriter source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageWriter source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageWriter source) {
        }

        @Override
        public void writeAborted(ImageWriter source) {
        }
    }
}
