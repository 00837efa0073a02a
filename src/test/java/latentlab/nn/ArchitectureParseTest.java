package latentlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latentlab.nn.activation.Identity;
import latentlab.nn.activation.Relu;
import latentlab.nn.activation.Sigmoid;
import org.junit.jupiter.api.Test;

class ArchitectureParseTest {
    private static Architecture parse(String enc, String dec, int d) {
        return Architecture.parse(enc, dec, d, new Relu(), new Identity(), new Sigmoid());
    }

    private static String error(String enc, String dec, int d) {
        return assertThrows(IllegalArgumentException.class, () -> parse(enc, dec, d)).getMessage();
    }

    @Test
    void parsesMirroredAndSeparateDecoders() {
        Architecture a = parse("784-256-64-2", null, 784);
        assertEquals(784, a.inputSize());
        assertEquals(2, a.latentSize());
        assertEquals(6, a.layerCount());
        assertTrue(a.isMirrored());
        assertEquals("784-256-64-2", a.toString());
        assertEquals("2-64-256-784", a.decoderSpec());
        assertEquals(784 * 256 + 256 + 256 * 64 + 64 + 64 * 2 + 2 + 2 * 64 + 64 + 64 * 256 + 256 + 256 * 784 + 784,
                a.parameterCount());
        Architecture b = parse("d-100-3", "3-784", 784);
        assertFalse(b.isMirrored());
        assertEquals("784-100-3 / 3-784", b.toString());
        assertEquals(new Identity().name(), b.activation(1).name(), "code layer");
        assertEquals(new Sigmoid().name(), b.activation(2).name(), "output layer");
        assertEquals(new Relu().name(), b.activation(0).name(), "hidden layer");
        assertEquals(parse("100-10-2", null, 100), parse("d-10-2", null, 100));
    }

    @Test
    void clearMessagesForBadArchitectures() {
        assertTrue(error("784-256-x-2", null, 784).contains("'x' is not a layer size"));
        assertTrue(error("784-256-784", null, 784).contains("k = 784 must be smaller than the input size d = 784"));
        assertTrue(error("784-900", null, 784).contains("must be smaller"));
        assertTrue(error("100-10-2", null, 784).contains("starts with 100 but the images have d = 784"));
        assertTrue(error("784", null, 784).contains("at least an input and a code size"));
        assertTrue(error("784-0-2", null, 784).contains("layer size 0"));
        assertTrue(error("784-256-2", "3-784", 784).contains("must start with the code size 2"));
        assertTrue(error("784-256-2", "2-100", 784).contains("must end with the input size 784"));
        assertTrue(error("784-99999-99999-2", null, 784).contains("parameters; the limit"));
        assertTrue(error("", null, 784).contains("empty"));
    }
}
