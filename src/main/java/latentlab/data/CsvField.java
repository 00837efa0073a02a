package latentlab.data;

/**
 * The field of a CSV line being read, character by character: its characters (padding spaces dropped), and its
 * value while it is a plain whole number. Numbers are read strictly, as the decimal numbers a spreadsheet or
 * {@code numpy.savetxt} writes: an optional sign, digits with an optional decimal point, an optional exponent
 * ({@code 7}, {@code +5}, {@code -0}, {@code 0.25}, {@code .5}, {@code 1e2}, {@code 2.5E-1}). Java's own
 * {@link Double#parseDouble} also takes {@code 255f}, {@code 1d}, hexadecimal and surrounding control characters,
 * none of which a data file means as a pixel value; they are refused. {@code NaN} and {@code Infinity} are let
 * through, so that the range checks can name them.
 */
final class CsvField {
    /** Longest field: far more digits than any pixel value or label needs. */
    static final int MAX_LENGTH = 64;

    private final char[] chars = new char[MAX_LENGTH];
    private int length;
    private long whole;
    private boolean digitsOnly = true;
    private boolean innerSpace;
    private int spaceAfterText;

    /** Adds a character; spaces and tabs pad. Returns false if the field is full. */
    boolean append(int c) {
        if (c == ' ' || c == '\t') {
            if (length > 0) {
                spaceAfterText = c;
            }
            return true;
        }
        if (spaceAfterText != 0) {
            innerSpace = true;
        }
        if (length == chars.length) {
            return false;
        }
        chars[length++] = (char) c;
        if (c >= '0' && c <= '9' && length <= 12) {
            whole = whole * 10 + (c - '0');
        } else {
            digitsOnly = false;
        }
        return true;
    }

    /** The character (a space or a tab) that separated text inside the field, or 0. */
    int innerSpace() {
        return innerSpace ? spaceAfterText : 0;
    }

    boolean isEmpty() {
        return length == 0;
    }

    char first() {
        return chars[0];
    }

    String text() {
        return new String(chars, 0, length);
    }

    void clear() {
        length = 0;
        whole = 0;
        digitsOnly = true;
        innerSpace = false;
        spaceAfterText = 0;
    }

    /** Whether the field is a number as this class reads them (see the class comment). */
    boolean isNumber() {
        if (innerSpace || length == 0) {
            return false;
        }
        if (digitsOnly) {
            return true;
        }
        int i = chars[0] == '+' || chars[0] == '-' ? 1 : 0;
        String rest = new String(chars, i, length - i);
        if (rest.equals("NaN") || rest.equals("Infinity")) {
            return true;
        }
        int digits = 0;
        while (i < length && isDigit(chars[i])) {
            i++;
            digits++;
        }
        if (i < length && chars[i] == '.') {
            i++;
            while (i < length && isDigit(chars[i])) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < length && (chars[i] == 'e' || chars[i] == 'E')) {
            i++;
            if (i < length && (chars[i] == '+' || chars[i] == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < length && isDigit(chars[i])) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == length;
    }

    /** The value of a field for which {@link #isNumber()} holds. */
    double value() {
        return digitsOnly ? whole : Double.parseDouble(text());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
