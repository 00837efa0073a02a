package latentlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Timer;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as rules, checked on the compiled classes (ArchUnit): the layers, no package cycles, the core
 * without JavaFX, threads created only where the threading model says, and no sleeping in main code.
 *
 * <pre>
 *   app  →  cli, ui  →  io  →  core (compute ← math ← data, nn, morpho ← eval ← pca, train, embed)
 * </pre>
 */
class ArchitectureTest {
    /** Packages of the core: plain Java numerics and data, no I/O formats, no user interface. */
    static final String[] CORE = {"latentlab.compute..", "latentlab.math..", "latentlab.data..", "latentlab.nn..",
        "latentlab.morpho..", "latentlab.pca..", "latentlab.train..", "latentlab.eval..", "latentlab.embed.."};

    /**
     * The classes allowed to start threads (a pattern of class names): the compute pool, the training thread, the
     * window's one job runner, and the launcher's process plumbing (the relaunched JVM's error stream, and halting
     * it when its launcher ends). Each is named so that a new thread anywhere else fails this test.
     */
    static final String THREAD_OWNERS = "latentlab\\.compute\\..*|latentlab\\.train\\.TrainingThread(\\$.*)?"
            + "|latentlab\\.ui\\.session\\.JobRunner(\\$.*)?|latentlab\\.app\\.Launcher(\\$.*)?";

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("latentlab");
    }

    @Test
    void layersOnlyReachDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("app").definedBy("latentlab.app..")
                .layer("cli").definedBy("latentlab.cli..")
                .layer("ui").definedBy("latentlab.ui..")
                .layer("io").definedBy("latentlab.io..")
                .layer("core").definedBy(CORE)
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                .whereLayer("io").mayOnlyBeAccessedByLayers("cli", "ui", "app")
                .whereLayer("core").mayOnlyBeAccessedByLayers("io", "cli", "ui", "app")
                .check(main);
    }

    @Test
    void corePackagesOnlyReachDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("compute").definedBy("latentlab.compute..")
                .layer("math").definedBy("latentlab.math..")
                .layer("data").definedBy("latentlab.data..")
                .layer("nn").definedBy("latentlab.nn..")
                .layer("morpho").definedBy("latentlab.morpho..")
                .layer("eval").definedBy("latentlab.eval..")
                .layer("pca").definedBy("latentlab.pca..")
                .layer("train").definedBy("latentlab.train..")
                .layer("embed").definedBy("latentlab.embed..")
                .whereLayer("train").mayNotBeAccessedByAnyLayer()
                .whereLayer("pca").mayNotBeAccessedByAnyLayer()
                .whereLayer("embed").mayNotBeAccessedByAnyLayer()
                .whereLayer("eval").mayOnlyBeAccessedByLayers("pca", "train", "embed")
                .whereLayer("nn").mayOnlyBeAccessedByLayers("eval", "pca", "train", "embed")
                .whereLayer("morpho").mayOnlyBeAccessedByLayers("eval", "embed")
                .whereLayer("data").mayOnlyBeAccessedByLayers("eval", "pca", "train", "embed")
                .whereLayer("math").mayOnlyBeAccessedByLayers("data", "nn", "eval", "pca", "train", "embed")
                .check(main);
    }

    @Test
    void noPackageCycles() {
        slices().matching("latentlab.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void onlyTheUserInterfaceUsesJavafx() {
        noClasses().that().resideOutsideOfPackages("latentlab.ui..", "latentlab.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the core, the file formats and the command line run without a display")
                .check(main);
    }

    @Test
    void threadsAreStartedOnlyByTheirOwners() {
        ArchRule rule = noClasses().that().haveNameNotMatching(THREAD_OWNERS)
                .should().callConstructorWhere(targetOwnerIs(Thread.class))
                .orShould().dependOnClassesThat().belongToAnyOf(Executors.class, ThreadPoolExecutor.class,
                        ForkJoinPool.class, Timer.class)
                .because("one compute pool does data-parallel work, one training thread owns the network and one"
                        + " job runner does the window's background work");
        rule.check(main);
    }

    @Test
    void mainCodeNeverSleeps() {
        noClasses().that().resideOutsideOfPackages("latentlab.bench..", "latentlab.ui.bench..")
                .should().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
                .orShould().callMethod(TimeUnit.class, "sleep", long.class)
                .because("waiting is done on a condition, a future or the FX pulse, never by polling")
                .check(main);
    }

    /** A constructor call on {@code type} or a subclass of it. */
    private static DescribedPredicate<JavaCall<?>> targetOwnerIs(Class<?> type) {
        return DescribedPredicate.describe("constructs a " + type.getSimpleName(),
                call -> {
                    JavaClass owner = call.getTargetOwner();
                    return owner.isAssignableTo(type);
                });
    }
}
