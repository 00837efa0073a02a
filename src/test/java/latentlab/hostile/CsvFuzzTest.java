package latentlab.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import latentlab.compute.NotEnoughMemoryException;
import latentlab.compute.Progress;
import latentlab.data.CsvDatasetReader;
import latentlab.data.DataFileException;
import latentlab.data.Dataset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * CSV data sets: any valid way of writing the same images (a byte order mark, a header, CRLF or LF, numbers as
 * {@code +5}, {@code 5.0}, {@code 5e0}, {@code 005}, padded) reads as exactly those images; a mutated file
 * (flipped, truncated, extended, spliced, other separators, line ends, marks and odd numbers put in) is read or
 * refused with a typed error, within a bounded allocation.
 */
class CsvFuzzTest {
    /** Images to write: {@code n x side x side} pixels and {@code n} labels. */
    record Images(int side, int[] labels, int[] pixels) {
    }

    /** How to write them. */
    record Style(boolean bom, boolean header, boolean crlf, int spelling, boolean gzip) {
    }

    @Provide
    Arbitrary<Images> images() {
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 12))
                .flatAs((side, n) -> Combinators.combine(
                        Arbitraries.integers().between(0, 40).array(int[].class).ofSize(n),
                        Arbitraries.integers().between(0, 255).array(int[].class).ofSize(n * side * side))
                        .as((labels, pixels) -> new Images(side, labels, pixels)));
    }

    @Provide
    Arbitrary<Style> styles() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 5), Arbitraries.of(true, false))
                .as(Style::new);
    }

    private static String spell(int v, int spelling) {
        return switch (spelling) {
            case 0 -> Integer.toString(v);
            case 1 -> "+" + v;
            case 2 -> v + ".0";
            case 3 -> v + "e0";
            case 4 -> "00" + v;
            default -> " " + v + " ";
        };
    }

    private static String text(Images im, Style s) {
        StringBuilder sb = new StringBuilder(s.bom() ? "\uFEFF" : "");
        String eol = s.crlf() ? "\r\n" : "\n";
        int d = im.side() * im.side();
        if (s.header()) {
            sb.append("label");
            for (int j = 0; j < d; j++) {
                sb.append(",px").append(j);
            }
            sb.append(eol);
        }
        for (int i = 0; i < im.labels().length; i++) {
            sb.append(spell(im.labels()[i], s.spelling()));
            for (int j = 0; j < d; j++) {
                sb.append(',').append(spell(im.pixels()[i * d + j], (s.spelling() + j) % 6));
            }
            sb.append(eol);
        }
        return sb.toString();
    }

    private static Scratch write(byte[] bytes, boolean gzip) throws IOException {
        if (gzip) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(bytes);
            }
            bytes = out.toByteArray();
        }
        return new Scratch(".csv", bytes);
    }

    @Property(tries = 400, seed = "1406")
    void imagesWrittenAnyValidWayReadAsExactlyThoseImages(@ForAll("images") Images im, @ForAll("styles") Style s)
            throws IOException {
        Dataset d;
        try (Scratch f = write(text(im, s).getBytes(StandardCharsets.UTF_8), s.gzip())) {
            d = CsvDatasetReader.read(f.path(), "v", Progress.NONE);
        }
        assertEquals(im.labels().length, d.size(), "every image, the first too");
        assertEquals(im.side(), d.rows());
        for (int i = 0; i < d.size(); i++) {
            assertEquals(im.labels()[i], d.label(i));
            for (int j = 0; j < d.dimension(); j++) {
                assertEquals(im.pixels()[i * d.dimension() + j], d.pixel(i, j));
            }
        }
    }

    /** Six 3 x 3 images, with the extreme pixel values among them. */
    private static final Images BASE = new Images(3, new int[] {1, 2, 3, 4, 5, 6},
            java.util.stream.IntStream.range(0, 54).map(i -> i * 37 % 256).toArray());

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutations.some(List.of(Mutations.flip(), Mutations.truncate(), Mutations.extend(), Mutations.splice(),
                Mutations.insertText(List.of(";", "\t", "\r", "\n", "\r\n", "\uFEFF", "\0", "255f", "1e3", "NaN",
                        ",", " ", "\"", "-1", "0x10", "\uFF11", "1.5", "label,a\n", "9".repeat(80)))));
    }

    @Property(tries = 1500, seed = "1407")
    void aMutatedCsvFileIsReadOrRefusedCleanly(@ForAll("styles") Style s, @ForAll("mutations") List<Mutation> m)
            throws IOException {
        byte[] mutated = Mutations.apply(m, text(BASE, s).getBytes(StandardCharsets.UTF_8));
        // At most a few arrays the size of the text (pixels, a row of doubles, their copies), plus buffers.
        long bound = (16L << 20) + 64L * mutated.length;
        Dataset d;
        try (Scratch f = write(mutated, s.gzip())) {
            d = Outcome.of(() -> CsvDatasetReader.read(f.path(), "m", Progress.NONE), bound,
                    List.of(DataFileException.class, FileSystemException.class, NotEnoughMemoryException.class));
        }
        if (d != null) {
            assertTrue(d.size() >= 1 && d.rows() == d.cols() && d.rows() >= 1, d.toString());
            assertTrue(d.classCount() <= 256, d.toString());
        }
    }
}
