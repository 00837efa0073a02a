package latentlab.math;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ByteKernels} on the Vector API. Inner products: L bytes at a time are widened to ints, masked to 0..255
 * (the API's widening is signed), converted to floats and multiplied into L running sums with one fused
 * multiply-add; four rows share each load of the query so that four independent chains hide the multiply-add
 * latency. At the end the L lanes are added in lane order in scalar code, not by a lane reduction, whose order the
 * JIT may change; this is faster than converting the bytes and using the float matrix product. Standardising: the
 * same widening, then one subtraction and one multiplication per vector. The scan: an OR of XORs and a byte
 * counter per lane, on the widest byte vectors.
 *
 * <p>As in the float kernels, vectors are never passed to helper methods (on JDK 17 that can keep the JIT from
 * holding them in registers, at a tenfold cost).
 */
final class VectorByteKernels implements ByteKernels {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(F.length() * 8));
    private static final int L = F.length();

    @Override
    public void dots(byte[] raw, int rows, int d, float[] q, float[] out) {
        ByteShapes.dots(raw, rows, d, q, out);
        int bound = d - d % L;
        float[] lanes = new float[4 * L];
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int o0 = r * d;
            int o1 = o0 + d;
            int o2 = o1 + d;
            int o3 = o2 + d;
            FloatVector s0 = FloatVector.zero(F);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            for (int p = 0; p < bound; p += L) {
                FloatVector qv = FloatVector.fromArray(F, q, p);
                s0 = ((FloatVector) ((IntVector) ByteVector.fromArray(B, raw, o0 + p)
                        .convertShape(VectorOperators.B2I, I, 0)).lanewise(VectorOperators.AND, 0xFF)
                        .convert(VectorOperators.I2F, 0)).fma(qv, s0);
                s1 = ((FloatVector) ((IntVector) ByteVector.fromArray(B, raw, o1 + p)
                        .convertShape(VectorOperators.B2I, I, 0)).lanewise(VectorOperators.AND, 0xFF)
                        .convert(VectorOperators.I2F, 0)).fma(qv, s1);
                s2 = ((FloatVector) ((IntVector) ByteVector.fromArray(B, raw, o2 + p)
                        .convertShape(VectorOperators.B2I, I, 0)).lanewise(VectorOperators.AND, 0xFF)
                        .convert(VectorOperators.I2F, 0)).fma(qv, s2);
                s3 = ((FloatVector) ((IntVector) ByteVector.fromArray(B, raw, o3 + p)
                        .convertShape(VectorOperators.B2I, I, 0)).lanewise(VectorOperators.AND, 0xFF)
                        .convert(VectorOperators.I2F, 0)).fma(qv, s3);
            }
            s0.intoArray(lanes, 0);
            s1.intoArray(lanes, L);
            s2.intoArray(lanes, 2 * L);
            s3.intoArray(lanes, 3 * L);
            for (int j = 0; j < 4; j++) {
                out[r + j] = finish(lanes, j * L, raw, o0 + j * d, q, bound, d);
            }
        }
        for (; r < rows; r++) {
            int o0 = r * d;
            FloatVector s0 = FloatVector.zero(F);
            for (int p = 0; p < bound; p += L) {
                FloatVector qv = FloatVector.fromArray(F, q, p);
                s0 = ((FloatVector) ((IntVector) ByteVector.fromArray(B, raw, o0 + p)
                        .convertShape(VectorOperators.B2I, I, 0)).lanewise(VectorOperators.AND, 0xFF)
                        .convert(VectorOperators.I2F, 0)).fma(qv, s0);
            }
            s0.intoArray(lanes, 0);
            out[r] = finish(lanes, 0, raw, o0, q, bound, d);
        }
    }

    @Override
    public void standardise(byte[] raw, int off, int len, float[] shift, float[] scale, float[] out, int outOff) {
        ByteShapes.standardise(raw, off, len, shift, scale, out, outOff);
        int bound = len - len % L;
        int j = 0;
        for (; j < bound; j += L) {
            ((FloatVector) ((IntVector) ByteVector.fromArray(B, raw, off + j)
                    .convertShape(VectorOperators.B2I, I, 0)).lanewise(VectorOperators.AND, 0xFF)
                    .convert(VectorOperators.I2F, 0))
                    .sub(FloatVector.fromArray(F, shift, j)).mul(FloatVector.fromArray(F, scale, j))
                    .intoArray(out, outOff + j);
        }
        for (; j < len; j++) {
            out[outOff + j] = ((raw[off + j] & 0xFF) - shift[j]) * scale[j];
        }
    }

    /** Bytes of the preferred (widest) vector size, for the scan. */
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;

    @Override
    public void scanImage(byte[] x, int off, byte[] reference, byte[] changed, byte[] inked, int len) {
        ByteShapes.scanImage(x, off, reference, changed, inked, len);
        int j = 0;
        for (int end = len - BYTES.length(); j <= end; j += BYTES.length()) {
            ByteVector v = ByteVector.fromArray(BYTES, x, off + j);
            ByteVector flips = v.lanewise(VectorOperators.XOR, ByteVector.fromArray(BYTES, reference, j));
            ByteVector.fromArray(BYTES, changed, j).or(flips).intoArray(changed, j);
            // v | -v has its sign bit set exactly when v != 0.
            ByteVector ink = v.or(v.neg()).lanewise(VectorOperators.LSHR, 7);
            ByteVector.fromArray(BYTES, inked, j).add(ink).intoArray(inked, j);
        }
        for (; j < len; j++) {
            byte v = x[off + j];
            changed[j] |= (byte) (v ^ reference[j]);
            inked[j] += (byte) (v == 0 ? 0 : 1);
        }
    }

    /** Adds the lanes in order, then the pixels past the last whole vector. */
    private static float finish(float[] lanes, int from, byte[] raw, int off, float[] q, int bound, int d) {
        float s = 0;
        for (int l = 0; l < L; l++) {
            s += lanes[from + l];
        }
        for (int p = bound; p < d; p++) {
            s += q[p] * (raw[off + p] & 0xFF);
        }
        return s;
    }
}
