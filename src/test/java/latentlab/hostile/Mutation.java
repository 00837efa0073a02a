package latentlab.hostile;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One change to a file's bytes. Positions are fractions of the file's length, so that a mutation applies to a file
 * of any length and shrinks towards the start (jqwik shrinks the fraction to 0).
 */
public sealed interface Mutation {
    byte[] apply(byte[] in);

      private static int index(double fraction, int length) {
        return Math.min(length, (int) (fraction * length));
    }

    /** XOR one byte with a mask. */
    record Flip(double at, int mask) implements Mutation {
        public byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            byte[] out = in.clone();
            int i = Math.min(in.length - 1, index(at, in.length));
            out[i] ^= (byte) mask;
            return out;
        }
    }

    /** Cut the file at a position. */
    record Truncate(double at) implements Mutation {
        public byte[] apply(byte[] in) {
            return Arrays.copyOf(in, index(at, in.length));
        }
    }

    /** Bytes added at the end. */
    record Extend(byte[] tail) implements Mutation {
        public byte[] apply(byte[] in) {
            byte[] out = Arrays.copyOf(in, in.length + tail.length);
            System.arraycopy(tail, 0, out, in.length, tail.length);
            return out;
        }

        @Override
        public String toString() {
            return "Extend[" + HexFormat.of().formatHex(tail) + "]";
        }
    }

    /** Bytes inserted at a position (for text: separators, line ends, marks, odd numbers). */
    record Insert(double at, String text) implements Mutation {
        public byte[] apply(byte[] in) {
            byte[] t = text.getBytes(StandardCharsets.UTF_8);
            int i = index(at, in.length);
            byte[] out = new byte[in.length + t.length];
            System.arraycopy(in, 0, out, 0, i);
            System.arraycopy(t, 0, out, i, t.length);
            System.arraycopy(in, i, out, i + t.length, in.length - i);
            return out;
        }
    }

    /** A piece of the file copied over another place (duplicated headers, lines or sections). */
    record Splice(double from, double to, int length) implements Mutation {
        public byte[] apply(byte[] in) {
            int f = index(from, in.length);
            int t = index(to, in.length);
            int n = Math.min(length, Math.min(in.length - f, in.length - t));
            byte[] out = in.clone();
            System.arraycopy(in, f, out, t, Math.max(0, n));
            return out;
        }
    }

    /** A big-endian int written over the bytes at an offset: a header field or a length set to an extreme. */
    record SetInt(double at, int value) implements Mutation {
        public byte[] apply(byte[] in) {
            if (in.length < 4) {
                return in;
            }
            byte[] out = in.clone();
            ByteBuffer.wrap(out).putInt(Math.min(in.length - 4, index(at, in.length)), value);
            return out;
        }
    }

    /** The same, at an exact offset (the fields of a header). */
    record SetField(int offset, int value) implements Mutation {
        public byte[] apply(byte[] in) {
            if (offset + 4 > in.length) {
                return in;
            }
            byte[] out = in.clone();
            ByteBuffer.wrap(out).putInt(offset, value);
            return out;
        }
    }
}
