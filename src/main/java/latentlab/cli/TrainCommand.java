package latentlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import latentlab.compute.ComputePool;
import latentlab.data.DatasetPair;
import latentlab.io.model.ModelFile;
import latentlab.io.model.TimelineSection;
import latentlab.nn.Architecture;
import latentlab.nn.activation.Activations;
import latentlab.nn.loss.Losses;
import latentlab.train.Checkpoint;
import latentlab.train.EpochRecord;
import latentlab.train.HistoryBudget;
import latentlab.train.LearningRateSchedule;
import latentlab.train.Lineage;
import latentlab.train.OptimizerKind;
import latentlab.train.Snapshot;
import latentlab.train.Timeline;
import latentlab.train.Trainer;
import latentlab.train.TrainingConfig;
import latentlab.train.TrainingListener;
import latentlab.train.TrainingMemory;
import latentlab.train.TrainingPreset;
import latentlab.train.TrainingState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: trains an autoencoder, printing one line per epoch, and saves it. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train an autoencoder on a data set and save it.",
                "Prints one line per epoch: epoch, training loss, test squared error per image, seconds, samples/s."})
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Option(names = "--preset", paramLabel = "ID", completionCandidates = PresetList.class,
            description = "A named recipe: its values replace the defaults of the options below, and any option given "
                    + "explicitly overrides the preset's value. Known: ${COMPLETION-CANDIDATES}.")
    String preset;

    @Option(names = "--arch", paramLabel = "SIZES", defaultValue = "d-256-64-2",
            description = "Encoder layer sizes, input first, code last; the decoder mirrors it (default: ${DEFAULT-VALUE}, d = pixels).")
    String arch;

    @Option(names = "--decoder", paramLabel = "SIZES", description = "Decoder sizes if not the mirror, e.g. 2-128-784.")
    String decoder;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "Hidden layers: relu, leakyrelu, tanh, sigmoid, identity (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--code-activation", paramLabel = "NAME", defaultValue = "identity",
            description = "Code layer activation (default: ${DEFAULT-VALUE}).")
    String codeActivation;

    @Option(names = "--output-activation", paramLabel = "NAME", defaultValue = "sigmoid",
            description = "Output layer activation (default: ${DEFAULT-VALUE}).")
    String outputActivation;

    @Option(names = "--vae", description = "Train a variational autoencoder: the encoder gives a mean and a variance per "
            + "latent dimension, the loss adds beta times the KL divergence from N(0, I).")
    boolean vae;

    @Option(names = "--beta", defaultValue = "1", description = "Weight of the VAE's KL term (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--corruption", paramLabel = "P", defaultValue = "0",
            description = "Denoising: zero each input pixel with probability P while the target stays clean (default: 0).")
    double corruption;

    @Option(names = "--loss", paramLabel = "bce|se", defaultValue = "bce",
            description = "Cross-entropy (needs a sigmoid output) or squared error (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--optimizer", paramLabel = "adam|sgd", defaultValue = "adam", description = "Default: ${DEFAULT-VALUE}.")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.001", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--lr-schedule", paramLabel = "SCHEDULE", defaultValue = "constant",
            description = "constant, cosine or exp:GAMMA, applied per epoch, or onecycle[:WARMUP], applied per step: "
                    + "rises from lr/25 to --lr over the first WARMUP of the run (default 0.3), then falls to "
                    + "lr/250000 along a cosine (Smith and Topin 2018) (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--weight-decay", paramLabel = "L2", defaultValue = "0", description = "L2 weight decay (default: 0).")
    double weightDecay;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "128", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--test-every", paramLabel = "N", defaultValue = "1", description = "Evaluate the test set after "
            + "every Nth epoch and after the last (0: only after the last; default: ${DEFAULT-VALUE}).")
    int testEvery;

    @Option(names = "--max-seconds", paramLabel = "S", description = "Stop after this much training time (mid-epoch if need be).")
    Double maxSeconds;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed for weights and batch order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--resume", paramLabel = "FILE", description = "Continue training from a saved model file.")
    Path resume;

    @Option(names = "--from-step", paramLabel = "S", description = "With --resume: branch from the kept moment nearest "
            + "to step S (0 = the initial weights) with the settings given here (--lr, --beta, --optimizer, "
            + "--corruption, --batch, --weight-decay, --momentum); the new file records its parent and step.")
    Long fromStep;

    @Option(names = "--history", paramLabel = "N", defaultValue = "0", description = "Keep up to N moments of the "
            + "run in the model file, dense early and sparse later, within 768 MB, for --step and --from-step "
            + "(default: 0, none; a resumed run keeps its file's).")
    int history;

    @Option(names = "--weights-only", description = "Save only the weights, settings and history (no optimiser state "
            + "or batch order): a smaller file; resuming from it starts the optimiser afresh.")
    boolean weightsOnly;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to save the model (default: model.llm).",
            defaultValue = "model.llm")
    Path out;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        if (preset != null) {
            applyPreset();
        }
        if (epochs < 1 || epochs > 100_000) {
            throw new UserError("--epochs must be between 1 and 100000, got " + epochs);
        }
        if (testEvery < 0) {
            throw new UserError("--test-every must be 0 (only after the last epoch) or more, got " + testEvery);
        }
        if (maxSeconds != null && !(maxSeconds > 0)) {
            throw new UserError("--max-seconds must be positive, got " + maxSeconds);
        }
        if (history != 0 && (history < 2 || history > 100_000)) {
            throw new UserError("--history must be 0 or between 2 and 100000, got " + history);
        }
        if (fromStep != null && resume == null) {
            throw new UserError("--from-step branches a saved run: give it with --resume FILE");
        }
        LearningRateSchedule lrSchedule = LearningRateSchedule.parse(schedule);
        Checkpoint resumeFrom = null;
        Timeline earlier = Timeline.NONE;
        Lineage parent = null;
        int inherited = 0;
        TrainingConfig config;
        DatasetPair pair;
        if (resume != null) {
            checkOutputWritable();
            ModelFile.Contents c = ModelFile.load(resume);
            resumeFrom = c.checkpoint();
            if (resumeFrom == null) {
                throw new UserError(resume + " holds no training state to resume");
            }
            earlier = TimelineSection.read(resume.getFileName().toString(), c.sections(),
                    resumeFrom.parameters().length);
            if (fromStep != null) {
                pair = data.open();
                Branch b = Branch.from(resume, resumeFrom, earlier, fromStep, pair.train(), w);
                resumeFrom = b.start();
                parent = b.parent();
                config = b.settings(spec.commandLine().getParseResult(), this, threads.threads());
                // The branch's history starts at the moment (its own settings may not replay the parent's steps).
                inherited = earlier.isEmpty() ? 0 : earlier.budget().maxMoments();
                earlier = Timeline.NONE;
            } else {
                refuseChangedSettings(resumeFrom.config());
                config = resumeFrom.config().withThreads(threads.threads()).withLearningRate(lr);
                if (resumeFrom.architecture().isVariational()) {
                    config = config.withBeta(beta);
                }
                pair = data.open();
            }
        } else {
            pair = data.open();
            int d = pair.train().dimension();
            Architecture a = Architecture.parse(arch, decoder, d, Activations.byName(activation),
                    Activations.byName(codeActivation), Activations.byName(outputActivation), vae);
            config = new TrainingConfig(a, Losses.byName(loss), OptimizerKind.byName(optimizer), lr, batch, seed,
                    threads.threads(), weightDecay, momentum, beta, corruption);
        }
        checkOutputWritable();
        TrainingMemory.check(config);
        w.printf("# %s%s%n# data %s: %,d training, %,d test images of %d x %d; %,d parameters; kernels: %s%n", config,
                lrSchedule == LearningRateSchedule.CONSTANT ? ""
                        : ", lr schedule " + lrSchedule.spec() + " over " + epochs + " epochs",
                pair.name(), pair.train().size(), pair.test().size(), pair.train().rows(), pair.train().cols(),
                config.architecture().parameterCount(), latentlab.math.KernelSelector.description());
        boolean variational = config.architecture().isVariational();
        w.println("epoch  train_loss  test_se_per_image  seconds  samples_per_s" + (variational ? "  test_kl  test_elbo" : ""));
        w.flush();
        try (ComputePool pool = new ComputePool(config.threads());
             Trainer trainer = new Trainer(config, pair.train(), pair.test(), null, resumeFrom, pool)) {
            trainer.setPublishInterval(1000);
            int keep = history > 0 ? history : earlier.isEmpty() ? inherited : earlier.budget().maxMoments();
            if (keep > 0) {
                trainer.keepHistory(HistoryBudget.moments(Math.min(keep, 100_000)), earlier);
            }
            if (parent != null) {
                trainer.setParent(parent);
            }
            trainer.addListener(new TrainingListener() {
                @Override
                public void epochFinished(EpochRecord r) {
                    w.printf("%5d  %10.3f  %17s  %7.2f  %13.0f", r.epoch(), r.trainLoss(),
                            Double.isNaN(r.testSquaredError()) ? "-"
                                    : String.format("%.3f", r.testSquaredError()),
                            r.seconds(), r.samplesPerSecond());
                    if (variational) {
                        // With means decoded; eval prints the sampled ELBO.
                        w.printf("  %7.3f  %9.3f", r.testKl(), -(r.testLoss() + r.testKl()));
                    }
                    w.println();
                    w.flush();
                }
            });
            long start = System.nanoTime();
            int startEpoch = trainer.latest().epoch();
            boolean outOfTime = false;
            trainer.setSchedule(lrSchedule, epochs);
            for (int e = 0; e < epochs && !outOfTime; e++) {
                trainer.setEvaluateEachEpoch(e == epochs - 1 || testEvery > 0 && (e + 1) % testEvery == 0);
                trainer.stepEpoch();
                while (!trainer.awaitIdle(50, TimeUnit.MILLISECONDS)) {
                    if (maxSeconds != null && (System.nanoTime() - start) / 1e9 >= maxSeconds) {
                        trainer.pause();
                        trainer.awaitIdle(60, TimeUnit.SECONDS);
                        outOfTime = true;
                        break;
                    }
                }
                if (trainer.latest().state() == TrainingState.DIVERGED) {
                    throw new UserError(String.format(java.util.Locale.ROOT, "training diverged: the loss became "
                            + "NaN or infinite at learning rate %.3g; nothing was saved to %s. Run again with a lower "
                            + "--lr", trainer.latest().config().learningRate(), out));
                }
            }
            Snapshot s = trainer.latest();
            if (outOfTime) {
                w.printf("# stopped after --max-seconds %.0f at epoch %.2f%n", maxSeconds, s.epochProgress());
            }
            Checkpoint cp = trainer.checkpoint();
            ModelFile.save(out, new Checkpoint(cp.config().withLearningRate(config.learningRate()), cp.architecture(),
                    cp.parameters(), cp.optimizerName(), weightsOnly ? null : cp.optimizerState(), cp.step(),
                    weightsOnly ? null : cp.sampler(), cp.epochs(), cp.batchLosses(), cp.klLosses()), new ModelFile.DataInfo(pair.name(), pair.train().rows(), pair.train().cols(),
                    pair.train().size()), TimelineSection.sections(trainer.timeline()));
            Timeline kept = trainer.timeline();
            if (!kept.isEmpty()) {
                w.printf(java.util.Locale.ROOT, "# history: %d moments (%d keyframes), steps %d to %d, %.1f MB (%.2f MB a"
                        + " moment)%n", kept.moments().size(), kept.keyframes(), kept.moments().get(0).step(),
                        s.step(), kept.bytes() / 1e6, kept.bytes() / 1e6 / kept.moments().size());
            }
            int trained = s.epoch() - startEpoch;
            w.printf("# trained %d epoch%s (%,d steps in all) in %.1f s; saved %s%n", trained, trained == 1 ? "" : "s",
                    s.step(), (System.nanoTime() - start) / 1e9, out);
        }
        return 0;
    }

    /** Takes the preset's value of every option that was not given on the command line. */
    private void applyPreset() {
        if (resume != null) {
            throw new UserError("--preset starts a new run; --resume continues " + resume + " with its own settings");
        }
        TrainingPreset p;
        try {
            p = TrainingPreset.byId(preset);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        var parsed = spec.commandLine().getParseResult();
        java.util.function.Predicate<String> given = parsed::hasMatchedOption;
        arch = given.test("--arch") ? arch : p.architecture();
        activation = given.test("--activation") ? activation : p.activation();
        codeActivation = given.test("--code-activation") ? codeActivation : p.codeActivation();
        outputActivation = given.test("--output-activation") ? outputActivation : p.outputActivation();
        loss = given.test("--loss") ? loss : p.loss();
        optimizer = given.test("--optimizer") ? optimizer : p.optimizer().id();
        lr = given.test("--lr") ? lr : p.learningRate();
        schedule = given.test("--lr-schedule") ? schedule : p.schedule();
        weightDecay = given.test("--weight-decay") ? weightDecay : p.weightDecay();
        batch = given.test("--batch") ? batch : p.batchSize();
        epochs = given.test("--epochs") ? epochs : p.epochs();
        testEvery = given.test("--test-every") ? testEvery : p.testEvery();
    }

    /** The presets and the options each stands for, as {@code --help} lists them. */
    static final class PresetList implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return TrainingPreset.ALL.stream().map(p -> p.id() + " (" + p.title() + ": " + String.join(" ", p.options())
                    + ")").iterator();
        }
    }

    /**
     * A resumed run keeps its network and training settings: an option given on the command line that would change
     * one of them is refused rather than silently ignored (repeating the saved value is fine).
     */
    private void refuseChangedSettings(TrainingConfig saved) {
        var parsed = spec.commandLine().getParseResult();
        java.util.List<String> changed = new java.util.ArrayList<>();
        boolean archGiven = false;
        for (String o : new String[] {"--arch", "--decoder", "--activation", "--code-activation", "--output-activation",
                "--vae"}) {
            archGiven |= parsed.hasMatchedOption(o);
        }
        if (archGiven) {
            int inputs = saved.architecture().inputSize();
            Architecture given;
            try {
                given = Architecture.parse(arch, decoder, inputs, Activations.byName(activation),
                        Activations.byName(codeActivation), Activations.byName(outputActivation), vae);
            } catch (IllegalArgumentException e) {
                given = null;
            }
            if (!saved.architecture().equals(given)) {
                changed.add("the network (--arch and its options)");
            }
        }
        check(changed, parsed.hasMatchedOption("--loss")
                && !Losses.byName(loss).getClass().equals(saved.loss().getClass()), "--loss");
        check(changed, parsed.hasMatchedOption("--optimizer") && OptimizerKind.byName(optimizer) != saved.optimizer(),
                "--optimizer");
        check(changed, parsed.hasMatchedOption("--batch") && batch != saved.batchSize(), "--batch");
        check(changed, parsed.hasMatchedOption("--seed") && seed != saved.seed(), "--seed");
        check(changed, parsed.hasMatchedOption("--momentum") && momentum != saved.momentum(), "--momentum");
        check(changed, parsed.hasMatchedOption("--weight-decay") && weightDecay != saved.weightDecay(),
                "--weight-decay");
        check(changed, parsed.hasMatchedOption("--corruption") && corruption != saved.corruption(), "--corruption");
        if (!changed.isEmpty()) {
            throw new UserError("--resume continues " + resume + " with its own settings; " + String.join(", ", changed)
                    + " cannot change them (with --resume: --epochs, --max-seconds, --lr, --lr-schedule, --beta,"
                    + " --threads, --out)");
        }
    }

    private static void check(java.util.List<String> changed, boolean differs, String option) {
        if (differs) {
            changed.add(option);
        }
    }

    private void checkOutputWritable() {
        OutputFile.check(out, "--out");
    }
}
