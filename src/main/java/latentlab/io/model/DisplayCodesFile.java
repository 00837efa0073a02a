package latentlab.io.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

import latentlab.data.Dataset;
import latentlab.io.format.NpyArray;
import latentlab.io.format.NpyFormatException;
import latentlab.io.format.NpzReader;
import latentlab.io.format.NpzWriter;
import latentlab.train.Checkpoint;
import latentlab.train.MomentWeights;

/**
 * The codes of a set of images under a saved network, kept beside the network so that a window can show its first map
 * without encoding the images first (the bundled pre-trained model's codes of the bundled MNIST test images: encoding
 * them is most of what a cold start would otherwise do on its second core, while the first one builds the window).
 *
 * <p>An NPZ archive ({@code numpy.load} reads it) of two arrays: {@code codes}, float32 {@code n x k}, row i the code
 * of image i; and {@code key}, a string naming whose codes they are: the network's architecture and step with a
 * fingerprint of its weights ({@link MomentWeights#hash}), and the images' size with a CRC-32 of their pixels. Codes
 * are used only for the network and the images their key names; anything else — another network, other images, a
 * file from an older model — is not theirs, and the images are then encoded as usual.
 */
public final class DisplayCodesFile {
    private DisplayCodesFile() {
    }

    /** What {@code codes} of {@code images} under the network of {@code cp} are keyed by. */
    public static String key(Checkpoint cp, Dataset images) {
        CRC32 pixels = new CRC32();
        pixels.update((images.size() + "x" + images.rows() + "x" + images.cols()).getBytes(StandardCharsets.UTF_8));
        images.checksum(pixels);
        return String.format(Locale.ROOT, "network %s step %d weights %016x; images %d x %d x %d crc32 %08x",
                cp.architecture(), cp.step(), MomentWeights.hash(cp.parameters()), images.size(), images.rows(),
                images.cols(), pixels.getValue());
    }

    /** Writes {@code codes} ({@code n x k}) of {@code images} under the network of {@code cp} (atomically). */
    public static void write(Path file, Checkpoint cp, Dataset images, float[] codes) throws IOException {
        int k = cp.architecture().latentSize();
        if (codes.length != (long) images.size() * k) {
            throw new IllegalArgumentException(codes.length + " values are not " + k + " per image for "
                    + images.size() + " images");
        }
        new NpzWriter().compressed(true).add("codes", NpyArray.floats(codes, images.size(), k))
                .add("key", NpyArray.string(key(cp, images))).write(file);
    }

    /**
     * The codes in {@code in} if they are those of {@code images} under the network of {@code cp}; null if they are
     * another network's or other images' (their key differs).
     *
     * @param name what messages call the file
     * @throws NpyFormatException if {@code in} is not such an archive
     */
    public static float[] read(InputStream in, String name, Checkpoint cp, Dataset images) throws IOException {
        Map<String, NpyArray> arrays = NpzReader.read(in, name);
        NpyArray key = arrays.get("key");
        NpyArray codes = arrays.get("codes");
        if (key == null || codes == null) {
            throw new NpyFormatException(name + ": expected the arrays 'codes' and 'key', found " + arrays.keySet());
        }
        if (key.type() != NpyArray.Type.UNICODE || key.size() != 1) {
            throw new NpyFormatException(name + ": 'key' is not one string");
        }
        int k = cp.architecture().latentSize();
        if (codes.type() != NpyArray.Type.FLOAT32 || codes.rank() != 2) {
            throw new NpyFormatException(name + ": 'codes' is not a float32 matrix");
        }
        if (!key.strings()[0].equals(key(cp, images))) {
            return null;
        }
        if (codes.dimension(0) != images.size() || codes.dimension(1) != k) {
            throw new NpyFormatException(name + ": 'codes' is " + NpyArray.shapeString(codes.shape()) + ", not ("
                    + images.size() + ", " + k + ") as its key says");
        }
        return codes.floats();
    }
}
