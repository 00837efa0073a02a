package latentlab.io.format;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** The bytes of a section being written: a buffer that hands over its array, not a copy, when it is full. */
final class SectionBody extends ByteArrayOutputStream {
    SectionBody(int capacity) {
        super(capacity);
    }

    /** The bytes written: the array itself when it holds exactly them, else a copy of them. */
    byte[] take() {
        return count == buf.length ? buf : Arrays.copyOf(buf, count);
    }
}
