package latentlab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The rules of the test suite, checked on the compiled tests, so that a test added anywhere follows them:
 * <ul>
 *   <li>a test that drives a window or starts the FX toolkit (TestFX, Monocle) carries {@code @Tag("gui")}: the
 *       unit-test execution has no window (see the Surefire executions in pom.xml);</li>
 *   <li>no test sleeps to wait or asserts how long something took ({@code Thread.sleep}, TestFX's
 *       {@code robot.sleep}, {@code assertTimeout*}): wait for a condition with a generous timeout, count events, or use a controllable
 *       clock ({@code latentlab.train.FakeClock}); speed belongs in {@code bench} and docs/benchmarks.md. A guard
 *       against a hang is {@code @Timeout} on the test.</li>
 * </ul>
 */
class TestSuiteRulesTest {
    private static final Set<String> TEST_ANNOTATIONS = Set.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest", "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestFactory", "net.jqwik.api.Property", "net.jqwik.api.Example");

    private static JavaClasses tests;
    /** The outermost classes that have test methods (in them or in a class nested in them). */
    private static Set<JavaClass> testClasses;

    @BeforeAll
    static void importTestClasses() {
        // Only the tests' own bytecode is needed (names of what they call), not the libraries' classes behind it.
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                    .importPackages("latentlab");
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
        testClasses = tests.stream().filter(k -> k.getMethods().stream().anyMatch(m -> m.getAnnotations().stream()
                        .anyMatch(a -> TEST_ANNOTATIONS.contains(a.getRawType().getName()))))
                .map(TestSuiteRulesTest::outermost).collect(Collectors.toSet());
    }

    /** The outermost class of {@code c} (a lambda, nested or anonymous class belongs to its test class). */
    private static JavaClass outermost(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    /** Test classes (outermost) with a class in them whose accesses match {@code access}. */
    private static Set<String> testClassesThat(Predicate<JavaAccess<?>> access) {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : tests) {
            if (c.getAccessesFromSelf().stream().anyMatch(access)) {
                JavaClass top = outermost(c);
                if (testClasses.contains(top)) {
                    found.add(top.getName());
                }
            }
        }
        return found;
    }

    private static boolean taggedGui(String className) {
        try {
            List<Tag> tags = AnnotationSupport.findRepeatableAnnotations(Class.forName(className), Tag.class);
            return tags.stream().anyMatch(t -> t.value().equals("gui"));
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean startsFx(JavaAccess<?> a) {
        String owner = a.getTargetOwner().getName();
        return owner.startsWith("org.testfx.") || owner.equals("javafx.application.Platform");
    }

    @Test
    void everyTestThatDrivesAWindowIsTaggedGui() {
        Set<String> gui = testClassesThat(TestSuiteRulesTest::startsFx);
        assertTrue(gui.size() > 10, "the check finds the window tests: " + gui);
        List<String> untagged = gui.stream().filter(c -> !taggedGui(c)).toList();
        assertTrue(untagged.isEmpty(), "these tests drive a window but lack @Tag(\"gui\") (see pom.xml): "
                + untagged);
    }

    @Test
    void noTestSleepsOrTimesAnAssertion() {
        Set<String> timed = testClassesThat(a -> {
            String owner = a.getTargetOwner().getName();
            String name = a.getName();
            return name.equals("sleep") && (owner.equals("java.lang.Thread")
                    || owner.equals("java.util.concurrent.TimeUnit") || owner.startsWith("org.testfx."))
                    || owner.equals("org.junit.jupiter.api.Assertions") && name.startsWith("assertTimeout");
        });
        assertTrue(timed.isEmpty(), "these tests sleep or time an assertion: wait for a condition instead, and"
                + " measure speed in bench (see the class comment): " + timed);
    }
}
