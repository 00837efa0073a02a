package latentlab.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.nn.activation.Identity;
import org.junit.jupiter.api.Test;

class PrincipalAnglesTest {
    @Test
    void knownAnglesBetweenPlanesInR3() {
        // span(e1, e2) vs span(e1, cos t e2 + sin t e3): angles 0 and t.
        double t = 0.6;
        double[] a = {1, 0, 0, 1, 0, 0};
        double[] b = {1, 0, 0, Math.cos(t), 0, Math.sin(t)};
        assertArrayEquals(new double[] {0, t}, PrincipalAngles.between(a, 2, b, 2, 3), 1e-12);
        // Same subspace, different basis: all zero.
        double[] c = {2, 1, 1, -1, 0, 0};
        assertArrayEquals(new double[] {0, 0}, PrincipalAngles.between(a, 2, c, 2, 3), 1e-7);
        // Orthogonal lines: pi/2.
        assertEquals(Math.PI / 2, PrincipalAngles.between(new double[] {1, 0, 0}, 1, new double[] {0, 0, 1}, 1, 3)[0],
                1e-12);
    }

    @Test
    void decoderColumnsOfALinearDecoderSpanItsImage() {
        Architecture lin = new Architecture(new int[] {5, 3, 2}, new int[] {2, 3, 5}, new Identity(), new Identity(),
                new Identity());
        Autoencoder ae = Autoencoder.initialized(lin, 3);
        double[] cols = PrincipalAngles.decoderColumns(ae);
        // A decode of any code minus h(0) lies in the span of the columns: zero angle for each single direction.
        float[] out = ae.decode(new float[] {0.7f, -1.3f});
        float[] zero = ae.decode(new float[] {0f, 0f});
        double[] v = new double[5];
        for (int i = 0; i < 5; i++) {
            v[i] = out[i] - zero[i];
        }
        assertEquals(0, PrincipalAngles.between(v, 1, cols, 2, 5)[0], 1e-3);
    }
}
