package latentlab.io.format;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional array as NumPy stores it in a {@code .npy} file: an element type, a shape (any number of
 * dimensions, including none for a 0-d array holding one value) and the elements in C order (last index fastest).
 *
 * <p>The data array is not copied: the array takes it over, and nobody writes into it afterwards (exports are
 * large, and a copy of a 50-million-parameter model would double the memory an export needs).
 */
public final class NpyArray {
    /** Largest number of elements (and of data bytes) an array may hold: a Java array's limit. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** The element types Latent Lab writes and reads, with their NumPy type strings. */
    public enum Type {
        /** IEEE 754 single precision, {@code <f4} (NumPy {@code float32}). */
        FLOAT32("f4", 4),
        /** Two's complement 32-bit integer, {@code <i4} (NumPy {@code int32}). */
        INT32("i4", 4),
        /** Unsigned byte, {@code |u1} (NumPy {@code uint8}). */
        UINT8("u1", 1),
        /** Fixed-length unicode string of {@code n} code points in UTF-32, {@code <U{n}} (NumPy {@code str_}). */
        UNICODE("U", 4);

        private final String code;
        private final int unitBytes;

        Type(String code, int unitBytes) {
            this.code = code;
            this.unitBytes = unitBytes;
        }

        /** Bytes per number (per code point for {@link #UNICODE}). */
        public int unitBytes() {
            return unitBytes;
        }

        String code() {
            return code;
        }
    }

    private final Type type;
    private final int[] shape;
    private final Object data;
    private final int stringLength;

    private NpyArray(Type type, int[] shape, Object data, int length, int stringLength) {
        this.type = type;
        this.shape = shape.clone();
        this.data = data;
        this.stringLength = stringLength;
        long n = elementCount(this.shape);
        if (n != length) {
            throw new IllegalArgumentException("shape " + shapeString(this.shape) + " holds " + n + " elements but "
                    + length + " were given");
        }
        if (n * itemSize() > MAX_ELEMENTS) {
            throw new IllegalArgumentException("an array of shape " + shapeString(this.shape) + " and type " + descr()
                    + " is too large (more than " + MAX_ELEMENTS + " bytes)");
        }
    }

    /** float32 elements with the given shape (none: a 0-d array of one element). */
    public static NpyArray floats(float[] data, int... shape) {
        return new NpyArray(Type.FLOAT32, shape, Objects.requireNonNull(data, "data"), data.length, 0);
    }

    /** int32 elements with the given shape. */
    public static NpyArray ints(int[] data, int... shape) {
        return new NpyArray(Type.INT32, shape, Objects.requireNonNull(data, "data"), data.length, 0);
    }

    /** uint8 elements (each byte read as 0..255) with the given shape. */
    public static NpyArray uint8(byte[] data, int... shape) {
        return new NpyArray(Type.UINT8, shape, Objects.requireNonNull(data, "data"), data.length, 0);
    }

    /**
     * Strings with the given shape, stored as {@code <U{n}} where n is the longest string's number of code points
     * (at least 1, as NumPy does). NumPy drops trailing NUL characters when it reads such strings, so strings must
     * not end with one.
     */
    public static NpyArray strings(String[] data, int... shape) {
        Objects.requireNonNull(data, "data");
        int n = 1;
        for (String s : data) {
            Objects.requireNonNull(s, "null string in a string array");
            if (!s.isEmpty() && s.charAt(s.length() - 1) == '\0') {
                throw new IllegalArgumentException("NumPy strings cannot end with a NUL character: " + s);
            }
            n = Math.max(n, s.codePointCount(0, s.length()));
        }
        return new NpyArray(Type.UNICODE, shape, data, data.length, n);
    }

    /** A 0-d string array holding {@code s} (NumPy: {@code np.array(s)}; {@code str(a)} gives {@code s} back). */
    public static NpyArray string(String s) {
        return strings(new String[] {s});
    }

    /** Used by the reader, which knows the declared string length even if every string is shorter. */
    static NpyArray stringsOfLength(String[] data, int stringLength, int[] shape) {
        return new NpyArray(Type.UNICODE, shape, data, data.length, stringLength);
    }

    public Type type() {
        return type;
    }

    /** The NumPy type string: {@code <f4}, {@code <i4}, {@code |u1} or {@code <U{n}} (always little-endian). */
    public String descr() {
        return switch (type) {
            case FLOAT32, INT32 -> "<" + type.code();
            case UINT8 -> "|u1";
            case UNICODE -> "<U" + stringLength;
        };
    }

    /** Bytes per element. */
    public int itemSize() {
        return type == Type.UNICODE ? 4 * stringLength : type.unitBytes();
    }

    /** For {@link Type#UNICODE}: the number of code points stored per string; otherwise 0. */
    public int stringLength() {
        return stringLength;
    }

    /** The shape (a copy); empty for a 0-d array. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of dimensions, 0 for a 0-d array. */
    public int rank() {
        return shape.length;
    }

    /** Size of dimension {@code i}. */
    public int dimension(int i) {
        return shape[i];
    }

    /** Number of elements (1 for a 0-d array). */
    public int size() {
        return (int) elementCount(shape);
    }

    /** Bytes of element data. */
    public long dataBytes() {
        return (long) size() * itemSize();
    }

    /** The float32 elements (not a copy). */
    public float[] floats() {
        return (float[]) dataOf(Type.FLOAT32);
    }

    /** The int32 elements (not a copy). */
    public int[] ints() {
        return (int[]) dataOf(Type.INT32);
    }

    /** The uint8 elements (not a copy); read each with {@code b & 0xFF}. */
    public byte[] bytes() {
        return (byte[]) dataOf(Type.UINT8);
    }

    /** The string elements (not a copy). */
    public String[] strings() {
        return (String[]) dataOf(Type.UNICODE);
    }

    private Object dataOf(Type wanted) {
        if (type != wanted) {
            throw new IllegalStateException("the array holds " + descr() + " (" + type + "), not " + wanted);
        }
        return data;
    }

    Object data() {
        return data;
    }

    static long elementCount(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + shapeString(shape));
            }
            n *= d;
            if (n > MAX_ELEMENTS) {
                throw new IllegalArgumentException("shape " + shapeString(shape) + " has more than " + MAX_ELEMENTS
                        + " elements");
            }
        }
        return n;
    }

    /** The shape as Python writes a tuple: {@code ()}, {@code (3,)}, {@code (3, 4)}. */
    public static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }

    /** Same type, string length, shape and elements (floats compared bit for bit, so NaN equals NaN). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NpyArray a) || a.type != type || a.stringLength != stringLength
                || !Arrays.equals(a.shape, shape)) {
            return false;
        }
        return switch (type) {
            case FLOAT32 -> Arrays.equals((float[]) data, (float[]) a.data);
            case INT32 -> Arrays.equals((int[]) data, (int[]) a.data);
            case UINT8 -> Arrays.equals((byte[]) data, (byte[]) a.data);
            case UNICODE -> Arrays.equals((String[]) data, (String[]) a.data);
        };
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(shape);
    }

    /** For example {@code "<f4 (10000, 2)"}. */
    @Override
    public String toString() {
        return descr() + " " + shapeString(shape);
    }
}
