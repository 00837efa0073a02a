package latentlab.hostile;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The mutations the hostile-input properties draw from. */
final class Mutations {
    /** Values a header field or a length is set to: zero, one, small, the edges of int, negative. */
    static final int[] EXTREMES = {0, 1, 2, 3, 255, 256, 65_535, 65_536, 1 << 24, Integer.MAX_VALUE - 8,
        Integer.MAX_VALUE, -1, -2, Integer.MIN_VALUE};

    private Mutations() {
    }

    private static Arbitrary<Double> position() {
        return Arbitraries.doubles().between(0, 1);
    }

    static Arbitrary<Mutation> flip() {
        return Combinators.combine(position(), Arbitraries.integers().between(1, 255)).as(Mutation.Flip::new);
    }

    static Arbitrary<Mutation> truncate() {
        return position().map(Mutation.Truncate::new);
    }

    static Arbitrary<Mutation> extend() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64),
                Arbitraries.integers().between(1, 4096).map(byte[]::new)).map(Mutation.Extend::new);
    }

    static Arbitrary<Mutation> splice() {
        return Combinators.combine(position(), position(), Arbitraries.integers().between(1, 512))
                .as(Mutation.Splice::new);
    }

    static Arbitrary<Mutation> extremeInt() {
        return Combinators.combine(position(), Arbitraries.of(boxed())).as(Mutation.SetInt::new);
    }

    /** An extreme value in one of the given header fields (byte offsets). */
    static Arbitrary<Mutation> headerField(List<Integer> offsets) {
        return Combinators.combine(Arbitraries.of(offsets), Arbitraries.of(boxed())).as(Mutation.SetField::new);
    }

    /** Text put in: other separators, line ends, marks and spellings of numbers. */
    static Arbitrary<Mutation> insertText(List<String> pieces) {
        return Combinators.combine(position(), Arbitraries.of(pieces)).as(Mutation.Insert::new);
    }

    /** One to three of the given kinds of mutation. */
    static Arbitrary<List<Mutation>> some(List<Arbitrary<Mutation>> kinds) {
        return Arbitraries.oneOf(kinds).list().ofMinSize(1).ofMaxSize(3);
    }

    static byte[] apply(List<Mutation> mutations, byte[] bytes) {
        byte[] b = bytes;
        for (Mutation m : mutations) {
            b = m.apply(b);
        }
        return b;
    }

    private static Integer[] boxed() {
        Integer[] out = new Integer[EXTREMES.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = EXTREMES[i];
        }
        return out;
    }
}
