package latentlab.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional array read from an IDX file: its element type, its shape and its elements in row-major
 * order, held in the smallest Java primitive array that stores the type exactly (bytes stay bytes).
 */
public final class IdxArray {
    private final IdxType type;
    private final int[] shape;
    private final Object data;

    /**
     * @param type  element type
     * @param shape dimensions, each at least 1
     * @param data  a {@code byte[]} (both byte types), {@code short[]}, {@code int[]}, {@code float[]} or
     *              {@code double[]} whose length is the product of the dimensions
     */
    public IdxArray(IdxType type, int[] shape, Object data) {
        this.type = Objects.requireNonNull(type, "type");
        this.shape = shape.clone();
        this.data = Objects.requireNonNull(data, "data");
        long n = 1;
        for (int s : shape) {
            if (s < 1) {
                throw new IllegalArgumentException("dimension must be >= 1: " + Arrays.toString(shape));
            }
            n *= s;
        }
        Class<?> expected = switch (type) {
            case UNSIGNED_BYTE, SIGNED_BYTE -> byte[].class;
            case SHORT -> short[].class;
            case INT -> int[].class;
            case FLOAT -> float[].class;
            case DOUBLE -> double[].class;
        };
        if (data.getClass() != expected) {
            throw new IllegalArgumentException(type + " needs a " + expected.getSimpleName()
                    + ", got " + data.getClass().getSimpleName());
        }
        if (java.lang.reflect.Array.getLength(data) != n) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " elements, data has " + java.lang.reflect.Array.getLength(data));
        }
    }

    public IdxType type() {
        return type;
    }

    /** A copy of the dimensions. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dimension(int i) {
        return shape[i];
    }

    /** Number of elements (product of the dimensions). */
    public int size() {
        return java.lang.reflect.Array.getLength(data);
    }

    /** The elements of a byte-typed array (not copied). */
    public byte[] bytes() {
        return as(byte[].class);
    }

    public short[] shorts() {
        return as(short[].class);
    }

    public int[] ints() {
        return as(int[].class);
    }

    public float[] floats() {
        return as(float[].class);
    }

    public double[] doubles() {
        return as(double[].class);
    }

    /** Element {@code i} (row-major) as a double; unsigned bytes are 0..255. */
    public double getAsDouble(int i) {
        return switch (type) {
            case UNSIGNED_BYTE -> ((byte[]) data)[i] & 0xFF;
            case SIGNED_BYTE -> ((byte[]) data)[i];
            case SHORT -> ((short[]) data)[i];
            case INT -> ((int[]) data)[i];
            case FLOAT -> ((float[]) data)[i];
            case DOUBLE -> ((double[]) data)[i];
        };
    }

    private <T> T as(Class<T> c) {
        if (data.getClass() != c) {
            throw new IllegalStateException("elements are " + type + ", not " + c.getSimpleName());
        }
        return c.cast(data);
    }

    @Override
    public String toString() {
        return "IdxArray[" + type + ", shape " + Arrays.toString(shape) + "]";
    }
}
