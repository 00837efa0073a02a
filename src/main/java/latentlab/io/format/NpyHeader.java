package latentlab.io.format;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The header of a {@code .npy} file, as specified by NumPy's {@code numpy.lib.format} module (NEP 1, "A Simple
 * File Format for NumPy Arrays"):
 * <pre>
 * "\x93NUMPY"  u8 major version  u8 minor version
 * header length: u16 little-endian (version 1.0) or u32 little-endian (versions 2.0 and 3.0)
 * header: the repr of a Python dict, e.g. {'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 4), }
 *         padded with spaces and ended by '\n' so that the data starts at a multiple of 64 bytes
 * data:   the elements in C order (Fortran order if fortran_order is True), in the byte order of descr
 * </pre>
 * Versions 2.0 (4-byte header length, for headers over 64 KiB) and 3.0 (UTF-8 header) are read, version 1.0 is
 * written (Latent Lab's headers are always short and ASCII). The header is parsed strictly as the subset of Python
 * literals NumPy writes: exactly the three keys, a type string, {@code True}/{@code False}, a tuple of
 * non-negative integers; anything else is refused with a message that names the problem.
 *
 * @param type          the element type
 * @param stringLength  code points per string for {@link NpyArray.Type#UNICODE}, otherwise 0
 * @param byteOrder     byte order of the data
 * @param fortranOrder  whether the data is in Fortran (column-major) order
 * @param shape         the dimensions, empty for a 0-d array
 * @see <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>
 * @see <a href="https://numpy.org/neps/nep-0001-npy-format.html">NEP 1</a>
 */
public record NpyHeader(NpyArray.Type type, int stringLength, ByteOrder byteOrder, boolean fortranOrder, int[] shape) {
    /** The six bytes every {@code .npy} file starts with. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** The data starts at a multiple of this many bytes (NumPy's {@code ARRAY_ALIGN}). */
    public static final int ALIGNMENT = 64;
    /** Headers longer than this are refused (NumPy itself refuses over 10,000 bytes by default). */
    static final int MAX_HEADER_BYTES = 1 << 20;

    public NpyHeader {
        shape = shape.clone();
    }

    /** The header of {@code a} as written: little-endian, C order. */
    public static NpyHeader of(NpyArray a) {
        return new NpyHeader(a.type(), a.stringLength(), ByteOrder.LITTLE_ENDIAN, false, a.shape());
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && h.type == type && h.stringLength == stringLength
                && h.byteOrder.equals(byteOrder) && h.fortranOrder == fortranOrder && Arrays.equals(h.shape, shape);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return dict();
    }

    /** Bytes per element. */
    public int itemSize() {
        return type == NpyArray.Type.UNICODE ? 4 * stringLength : type.unitBytes();
    }

    /** The NumPy type string, e.g. {@code <f4}, {@code |u1}, {@code >U12}. */
    public String descr() {
        if (type == NpyArray.Type.UINT8) {
            return "|u1";
        }
        String order = byteOrder == ByteOrder.LITTLE_ENDIAN ? "<" : ">";
        return type == NpyArray.Type.UNICODE ? order + "U" + stringLength : order + type.code();
    }

    /** The dict exactly as NumPy writes it: {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }}. */
    public String dict() {
        return "{'descr': '" + descr() + "', 'fortran_order': " + (fortranOrder ? "True" : "False") + ", 'shape': "
                + NpyArray.shapeString(shape) + ", }";
    }

    /**
     * The complete preamble of a version 1.0 file: magic, version, header length and the padded dict, a multiple
     * of {@link #ALIGNMENT} bytes long.
     */
    public byte[] encode() {
        byte[] dict = dict().getBytes(StandardCharsets.US_ASCII);
        int prefix = MAGIC.length + 2 + 2;
        int total = (prefix + dict.length + 1 + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        int headerLength = total - prefix;
        if (headerLength > 0xFFFF) {
            throw new IllegalArgumentException("npy header of " + headerLength + " bytes does not fit version 1.0");
        }
        byte[] out = new byte[total];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) headerLength;
        out[9] = (byte) (headerLength >>> 8);
        System.arraycopy(dict, 0, out, prefix, dict.length);
        for (int i = prefix + dict.length; i < total - 1; i++) {
            out[i] = ' ';
        }
        out[total - 1] = '\n';
        return out;
    }

    /**
     * Parses the header text (the dict, its padding and the final newline) of a file called {@code name}.
     *
     * @throws NpyFormatException naming the file and what is wrong
     */
    public static NpyHeader parse(String text, String name) throws NpyFormatException {
        if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
            throw new NpyFormatException(name + ": the npy header does not end with a newline");
        }
        return new Parser(text.substring(0, text.length() - 1), name).header();
    }

    /** A recursive-descent parser for the Python literals of a header; whitespace is spaces only. */
    private static final class Parser {
        private final String s;
        private final String name;
        private int pos;

        Parser(String s, String name) {
            this.s = s;
            this.name = name;
        }

        NpyHeader header() throws NpyFormatException {
            String descr = null;
            Boolean fortran = null;
            int[] shape = null;
            spaces();
            expect('{');
            spaces();
            while (peek() != '}') {
                int keyAt = pos;
                String key = string();
                spaces();
                expect(':');
                spaces();
                switch (key) {
                    case "descr" -> {
                        if (descr != null) {
                            throw fail(keyAt, "key 'descr' appears twice");
                        }
                        if (peek() == '[') {
                            throw fail(pos, "structured arrays (a list as descr) are not supported");
                        }
                        descr = string();
                    }
                    case "fortran_order" -> {
                        if (fortran != null) {
                            throw fail(keyAt, "key 'fortran_order' appears twice");
                        }
                        fortran = bool();
                    }
                    case "shape" -> {
                        if (shape != null) {
                            throw fail(keyAt, "key 'shape' appears twice");
                        }
                        shape = tuple();
                    }
                    default -> throw fail(keyAt, "unexpected key '" + key + "' (an npy header has exactly 'descr', "
                            + "'fortran_order' and 'shape')");
                }
                spaces();
                if (peek() == ',') {
                    pos++;
                    spaces();
                } else if (peek() != '}') {
                    throw fail(pos, "expected ',' or '}'");
                }
            }
            pos++;
            spaces();
            if (pos != s.length()) {
                throw fail(pos, "unexpected text after the header dict");
            }
            String missing = descr == null ? "descr" : fortran == null ? "fortran_order" : shape == null ? "shape" : null;
            if (missing != null) {
                throw new NpyFormatException(name + ": the npy header has no '" + missing + "' key");
            }
            try {
                NpyArray.elementCount(shape);
            } catch (IllegalArgumentException e) {
                throw new NpyFormatException(name + ": " + e.getMessage());
            }
            return typed(descr, fortran, shape);
        }

        private NpyHeader typed(String descr, boolean fortran, int[] shape) throws NpyFormatException {
            if (descr.equals("|u1") || descr.equals("<u1") || descr.equals(">u1")) {
                return new NpyHeader(NpyArray.Type.UINT8, 0, ByteOrder.LITTLE_ENDIAN, fortran, shape);
            }
            ByteOrder order = null;
            if (descr.startsWith("<")) {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (descr.startsWith(">")) {
                order = ByteOrder.BIG_ENDIAN;
            }
            String rest = order == null ? descr : descr.substring(1);
            if (order != null && rest.equals("f4")) {
                return new NpyHeader(NpyArray.Type.FLOAT32, 0, order, fortran, shape);
            }
            if (order != null && rest.equals("i4")) {
                return new NpyHeader(NpyArray.Type.INT32, 0, order, fortran, shape);
            }
            if (order != null && rest.matches("U[0-9]{1,9}")) {
                int n = Integer.parseInt(rest.substring(1));
                return new NpyHeader(NpyArray.Type.UNICODE, n, order, fortran, shape);
            }
            throw new NpyFormatException(name + ": unsupported dtype '" + descr + "' (Latent Lab reads <f4, <i4, |u1 "
                    + "and <U strings, little- or big-endian)");
        }

        private char peek() throws NpyFormatException {
            if (pos >= s.length()) {
                throw fail(pos, "the header dict ends early");
            }
            return s.charAt(pos);
        }

        private void expect(char c) throws NpyFormatException {
            if (peek() != c) {
                throw fail(pos, "expected '" + c + "'");
            }
            pos++;
        }

        private void spaces() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        private String string() throws NpyFormatException {
            char q = peek();
            if (q != '\'' && q != '"') {
                throw fail(pos, "expected a quoted string");
            }
            int start = ++pos;
            while (peek() != q) {
                char c = s.charAt(pos);
                if (c == '\\') {
                    throw fail(pos, "escapes in strings are not supported");
                }
                if (c < 0x20) {
                    throw fail(pos, "control character in a string");
                }
                pos++;
            }
            return s.substring(start, pos++);
        }

        private boolean bool() throws NpyFormatException {
            if (s.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            throw fail(pos, "'fortran_order' must be True or False");
        }

        /** {@code ()}, {@code (3,)}, {@code (3, 4)} or {@code (3, 4,)}; {@code (3)} is an int in Python, not a tuple. */
        private int[] tuple() throws NpyFormatException {
            if (peek() != '(') {
                throw fail(pos, "'shape' must be a tuple like (3, 4)");
            }
            pos++;
            List<Integer> dims = new ArrayList<>();
            boolean trailingComma = false;
            spaces();
            while (peek() != ')') {
                dims.add(integer());
                spaces();
                trailingComma = false;
                if (peek() == ',') {
                    pos++;
                    trailingComma = true;
                    spaces();
                } else if (peek() != ')') {
                    throw fail(pos, "expected ',' or ')' in the shape");
                }
            }
            if (dims.size() == 1 && !trailingComma) {
                throw fail(pos, "'shape' (n) is not a tuple; a 1-d shape is written (n,)");
            }
            pos++;
            return dims.stream().mapToInt(Integer::intValue).toArray();
        }

        private int integer() throws NpyFormatException {
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 0x80) {
                pos++;
            }
            if (start == pos) {
                throw fail(start, s.charAt(start) == '-' ? "negative dimension in the shape"
                        : "expected a non-negative integer in the shape");
            }
            String digits = s.substring(start, pos);
            if (digits.length() > 1 && digits.charAt(0) == '0') {
                throw fail(start, "leading zero in the shape dimension " + digits);
            }
            if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
                throw new NpyFormatException(name + ": shape dimension " + digits + " is too large");
            }
            return Integer.parseInt(digits);
        }

        private NpyFormatException fail(int at, String problem) {
            String shown = s.length() > 200 ? s.substring(0, 200) + "..." : s;
            return new NpyFormatException(name + ": malformed npy header at character " + at + ": " + problem
                    + " in " + shown.strip());
        }
    }
}
