package latentlab.io.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import latentlab.compute.CancelledException;
import latentlab.compute.Progress;
import latentlab.compute.RecordingProgress;
import latentlab.io.format.GifPalette;
import latentlab.io.format.GifWriter;
import latentlab.io.format.PngSequenceWriter;
import latentlab.io.format.PngWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Animated GIF (loops, right colours on a white page), PNG sequences and single PNGs: they decode with ImageIO. */
class AnimationExportTest {
    private static final int W = 64;
    private static final int H = 48;
    private static final int[] CLASS_RGB = {0x332288, 0x88CCEE, 0x44AA99, 0x117733, 0x999933, 0xDDCC77, 0xCC6677,
        0x882255, 0xAA4499, 0xEE8866};

    @TempDir
    Path dir;

    /**
     * Frames like the latent map: a white page, dark axes, dots in the ten class colours moving from frame to frame,
     * with anti-aliased rims (blends with white) and a few translucent pixels: far more than 256 colours in all.
     */
    static List<int[]> scatterFrames(int n) {
        List<int[]> frames = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            int[] px = new int[W * H];
            java.util.Arrays.fill(px, 0xFFFFFFFF);
            for (int x = 0; x < W; x++) {
                px[(H - 3) * W + x] = 0xFF202020;
            }
            for (int c = 0; c < 10; c++) {
                double cx = 6 + (c * 5.3 + f * 1.7) % (W - 12);
                double cy = 6 + (c * 3.9 + f * 0.9) % (H - 12);
                for (int y = 0; y < H - 3; y++) {
                    for (int x = 0; x < W; x++) {
                        double r = Math.hypot(x - cx, y - cy);
                        double cover = Math.max(0, Math.min(1, 3.5 - r));
                        if (cover > 0) {
                            px[y * W + x] = blend(CLASS_RGB[c], px[y * W + x], cover);
                        }
                    }
                }
            }
            px[W + 1] = 0x80000000 | CLASS_RGB[f % 10];
            frames.add(px);
        }
        return frames;
    }

    private static int blend(int rgb, int under, double a) {
        int r = (int) Math.round(((rgb >> 16) & 0xFF) * a + ((under >> 16) & 0xFF) * (1 - a));
        int g = (int) Math.round(((rgb >> 8) & 0xFF) * a + ((under >> 8) & 0xFF) * (1 - a));
        int b = (int) Math.round((rgb & 0xFF) * a + (under & 0xFF) * (1 - a));
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    @Test
    void theGifLoopsForeverAndKeepsThePageWhiteAndTheClassColoursExact() throws IOException {
        List<int[]> frames = scatterFrames(8);
        Set<Integer> colours = new HashSet<>();
        frames.forEach(fr -> java.util.Arrays.stream(fr).forEach(colours::add));
        assertTrue(colours.size() > 256, "the test needs more colours than a GIF holds: " + colours.size());
        Path f = dir.resolve("latent.gif");
        RecordingProgress p = new RecordingProgress();
        GifWriter.write(f, frames, W, H, 80, 2000, p);
        p.assertMonotoneToTheEnd();

        byte[] bytes = Files.readAllBytes(f);
        assertEquals("GIF89a", new String(bytes, 0, 6, StandardCharsets.US_ASCII));
        assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).contains("NETSCAPE2.0\u0003\u0001\u0000\u0000"),
                "NETSCAPE2.0 block with loop count 0");
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            reader.setInput(in);
            assertEquals(8, reader.getNumImages(true));
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            assertEquals("2.0", app.getAttribute("authenticationCode"));
            assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) app.getUserObject());
            assertEquals("8", delay(reader, 0), "80 ms in hundredths of a second");
            assertEquals("8", delay(reader, 6));
            assertEquals("200", delay(reader, 7), "the last frame stays two seconds");
            for (int i = 0; i < 8; i++) {
                assertEquals(0, countChildren(reader, i, "LocalColorTable"), "frame " + i + " uses the global table");
            }
            IIOMetadataNode stream = (IIOMetadataNode) reader.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0");
            assertEquals(1, stream.getElementsByTagName("GlobalColorTable").getLength());
            long error = 0;
            int worst = 0;
            for (int i = 0; i < 8; i++) {
                BufferedImage img = reader.read(i);
                assertEquals(W, img.getWidth());
                assertEquals(H, img.getHeight());
                int[] src = frames.get(i);
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        int want = GifPalette.opaque(src[y * W + x]);
                        int got = img.getRGB(x, y) & 0xFFFFFF;
                        if (want == 0xFFFFFF || want == 0x202020 || isClassColour(want)) {
                            assertEquals(Integer.toHexString(want), Integer.toHexString(got), "flat colour at " + x + ","
                                    + y + " of frame " + i);
                        }
                        int e = channelError(want, got);
                        error += e;
                        worst = Math.max(worst, e);
                    }
                }
            }
            double mean = error / (8.0 * W * H);
            assertTrue(mean < 1.0, "mean channel error " + mean);
            assertTrue(worst <= 40, "worst channel error " + worst);
        } finally {
            reader.dispose();
        }
    }

    @Test
    void framesWithFewColoursAreKeptExactly() throws IOException {
        List<int[]> frames = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            int[] px = new int[20 * 10];
            for (int i = 0; i < px.length; i++) {
                px[i] = 0xFF000000 | CLASS_RGB[(i + f) % 10] + i % 7;
            }
            frames.add(px);
        }
        Path f = dir.resolve("few.gif");
        GifWriter.write(f, frames, 20, 10, 100, Progress.NONE);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            reader.setInput(in);
            for (int i = 0; i < 3; i++) {
                BufferedImage img = reader.read(i);
                int[] got = img.getRGB(0, 0, 20, 10, null, 0, 20);
                assertArrayEquals(frames.get(i), got, "frame " + i);
            }
        } finally {
            reader.dispose();
        }
        assertEquals(2, GifWriter.delayCentiseconds(0));
        assertEquals(4, GifWriter.delayCentiseconds(40));
        assertThrows(IllegalArgumentException.class, () -> GifWriter.write(f, List.of(new int[5]), 2, 2, 100, Progress.NONE));
    }

    @Test
    void aCancelledGifLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("latent.gif");
        Files.writeString(f, "old animation");
        List<int[]> frames = scatterFrames(10);
        for (int cancelAt : new int[] {1, 5, 15}) {
            assertThrows(CancelledException.class,
                    () -> GifWriter.write(f, frames, W, H, 50, new RecordingProgress(cancelAt)), "at " + cancelAt);
            assertEquals("old animation", Files.readString(f));
            ExportFixtures.assertNoTemporaryFiles(dir);
        }
    }

    @Test
    void thePngSequenceDecodesToTheFramesAndReplacesAnOlderSequence() throws IOException {
        Path out = Files.createDirectory(dir.resolve("frames"));
        Files.writeString(out.resolve("frame_0004.png"), "from a longer run");
        Files.writeString(out.resolve("frame_0005.png"), "from a longer run");
        Files.writeString(out.resolve("notes.txt"), "mine");
        List<int[]> frames = scatterFrames(3);
        frames.get(1)[5] = 0x40FF0000;
        RecordingProgress p = new RecordingProgress();
        List<Path> files = PngSequenceWriter.write(out, frames, W, H, p);
        p.assertMonotoneToTheEnd();
        assertEquals(List.of("frame_0001.png", "frame_0002.png", "frame_0003.png"),
                files.stream().map(x -> x.getFileName().toString()).toList());
        for (int i = 0; i < 3; i++) {
            BufferedImage img = ImageIO.read(files.get(i).toFile());
            assertArrayEquals(frames.get(i), img.getRGB(0, 0, W, H, null, 0, W), "frame " + i + " is lossless");
        }
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("frame_0001.png", "frame_0002.png", "frame_0003.png", "notes.txt"),
                    s.map(x -> x.getFileName().toString()).sorted().toList());
        }
        assertEquals("frame_00001.png", PngSequenceWriter.frameName(0, 10_000));
        assertEquals("frame_0012.png", PngSequenceWriter.frameName(11, 12));

        byte[] before = Files.readAllBytes(out.resolve("frame_0001.png"));
        assertThrows(CancelledException.class,
                () -> PngSequenceWriter.write(out, scatterFrames(6), W, H, new RecordingProgress(4)));
        assertArrayEquals(before, Files.readAllBytes(out.resolve("frame_0001.png")));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(4, s.count(), "nothing added or removed");
        }
        ExportFixtures.assertNoTemporaryFiles(dir);
    }

    @Test
    void aSnapshotPngIsLosslessAndOpaqueImagesHaveNoAlpha() throws IOException {
        int[] argb = scatterFrames(1).get(0);
        argb[W + 1] = 0xFF123456;
        Path f = dir.resolve("view.png");
        PngWriter.write(f, argb, W, H);
        BufferedImage img = ImageIO.read(f.toFile());
        assertFalse(img.getColorModel().hasAlpha());
        assertArrayEquals(argb, img.getRGB(0, 0, W, H, null, 0, W));
        Files.writeString(f, "old");
        BufferedImage big = PngWriter.image(new int[1200 * 1200], 1200, 1200);
        assertThrows(CancelledException.class, () -> PngWriter.write(f, big, new RecordingProgress(10)));
        assertEquals("old", Files.readString(f));
        ExportFixtures.assertNoTemporaryFiles(dir);
    }

    @Test
    void recordedFramesAreCompactAndDecodeExactly() throws IOException {
        FrameRecorder rec = new FrameRecorder(W, H);
        List<int[]> frames = scatterFrames(12);
        frames.subList(0, 10).forEach(rec::add);
        List<int[]> first = rec.frames();
        frames.subList(10, 12).forEach(rec::add);
        assertEquals(10, first.size(), "a snapshot does not grow");
        assertEquals(12, rec.size());
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(frames.get(i), rec.frames().get(i), "frame " + i);
        }
        assertTrue(rec.compressedBytes() < 12L * W * H * 4 / 5, "compressed to " + rec.compressedBytes() + " bytes");
        assertThrows(IllegalArgumentException.class, () -> rec.add(new int[W * H - 1]));
        Path f = dir.resolve("recorded.gif");
        GifWriter.write(f, rec.frames(), rec.width(), rec.height(), 100, Progress.NONE);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            reader.setInput(in);
            assertEquals(12, reader.getNumImages(true));
        } finally {
            reader.dispose();
        }
        rec.clear();
        assertEquals(0, rec.size());
        assertEquals(0, rec.compressedBytes());
    }

    private static String delay(ImageReader reader, int frame) throws IOException {
        IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(frame).getAsTree("javax_imageio_gif_image_1.0");
        return ((IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0)).getAttribute("delayTime");
    }

    private static int countChildren(ImageReader reader, int frame, String name) throws IOException {
        IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(frame).getAsTree("javax_imageio_gif_image_1.0");
        return root.getElementsByTagName(name).getLength();
    }

    private static boolean isClassColour(int rgb) {
        for (int c : CLASS_RGB) {
            if (c == rgb) {
                return true;
            }
        }
        return false;
    }

    private static int channelError(int a, int b) {
        int e = 0;
        for (int s = 0; s <= 16; s += 8) {
            e = Math.max(e, Math.abs(((a >> s) & 0xFF) - ((b >> s) & 0xFF)));
        }
        return e;
    }
}
