package latentlab.cli;

import static latentlab.cli.CliTest.assertOneLineError;
import static latentlab.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import latentlab.cli.CliTest.Run;
import latentlab.data.IdxFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcaCommandTest {
    private static final Pattern K_LINE =
            Pattern.compile("(?m)^k=(\\d+) test_se_per_image: (\\d+\\.\\d{3}) explained_variance: (\\d\\.\\d{4})$");

    @TempDir
    static Path dir;
    static Path tiny;

    @BeforeAll
    static void data() throws IOException {
        tiny = IdxFixtures.datasetFolder(dir.resolve("tiny"), 40, 12, 6, 5, true); // d = 30
    }

    @Test
    @Tag("slow")
    void printsTheFitTimeAndOneLinePerK() {
        Run r = run("pca", "--data", tiny.toString(), "--k", "1,5,30", "--reps", "3", "--warmup", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*fit_seconds: \\d+\\.\\d{3} \\(median of 3: [0-9. ]+\\) after 1 warm-up fit \\(.*"),
                r.out());
        Matcher m = K_LINE.matcher(r.out());
        List<String> ks = m.results().map(x -> x.group(1)).toList();
        assertEquals(List.of("1", "5", "30"), ks, r.out());
        m = K_LINE.matcher(r.out());
        double previous = Double.MAX_VALUE;
        while (m.find()) {
            double se = Double.parseDouble(m.group(2));
            assertTrue(se <= previous, r.out());
            previous = se;
            if (m.group(1).equals("30")) {
                assertEquals(0.0, se, 1e-3, "full rank: " + r.out());
                assertEquals("1.0000", m.group(3));
            }
        }
    }

    @Test
    void helpListsThePcaCommand() {
        Run r = run("--help");
        assertTrue(r.out().contains("pca"), r.out());
        Run h = run("pca", "--help");
        assertEquals(0, h.code());
        for (String option : new String[] {"--data", "--k", "--reps", "--warmup", "--threads"}) {
            assertTrue(h.out().contains(option), h.out());
        }
    }

    @Test
    void badArgumentsAreOneLine() {
        String data = tiny.toString();
        assertOneLineError(run("pca", "--data", data, "--k", "0"), "--k 0");
        assertOneLineError(run("pca", "--data", data, "--k", "2,-3"), "--k -3");
        assertOneLineError(run("pca", "--data", data, "--k", "31"), "at most d = 30");
        assertOneLineError(run("pca", "--data", data, "--k", "2,x"), "'x' is not an int");
        assertOneLineError(run("pca", "--data", data, "--k", "2,,3"), "--k");
        assertOneLineError(run("pca", "--data", data, "--k", ""), "--k");
        assertOneLineError(run("pca", "--data", data, "--reps", "0"), "--reps");
        assertOneLineError(run("pca", "--data", data, "--warmup", "-1"), "--warmup");
        assertOneLineError(run("pca", "--data", dir.resolve("absent").toString()), "absent");
        assertOneLineError(run("pca", "--data", data, "--k", "2", "--threads", "0"), "--threads must be between");
    }

    @Test
    void theThreadsOptionSizesThePool() {
        Run r = run("pca", "--data", tiny.toString(), "--k", "2", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(1 threads, "), r.out());
    }
}
