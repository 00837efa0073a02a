package latentlab.io.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import latentlab.compute.HeapBudget;
import latentlab.data.BatchSampler;
import latentlab.io.format.LabFile;
import latentlab.io.format.LabFile.SectionReader;
import latentlab.io.format.LabFile.SectionWriter;
import latentlab.io.format.LabFileException;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.nn.Codec;
import latentlab.nn.activation.Activation;
import latentlab.nn.activation.Activations;
import latentlab.nn.loss.Losses;
import latentlab.train.Checkpoint;
import latentlab.train.EpochRecord;
import latentlab.train.LossTrace;
import latentlab.train.OptimizerKind;
import latentlab.train.TrainingConfig;

/**
 * Latent Lab model files ({@code .llm}): a {@link LabFile} whose sections describe one model.
 * <pre>
 * kind        string: "autoencoder"
 * network     encoder sizes, decoder sizes, hidden / code / output activation names, float32 parameters
 * training    loss, optimiser, learning rate, batch, seed, threads, weight decay, momentum, step
 * optimizer   optimiser name, step count, its per-parameter float32 arrays
 * sampler     batch-order RNG state, epoch, position, permutation
 * history     finished epochs (epoch, step, train loss, test loss, test SE, seconds, samples/s), batch losses
 * data        name, image rows and cols, training images the model was trained on
 * vae         (variational autoencoders only) beta, the test KL of each epoch, the KL of every batch
 * denoising   (denoising runs only) the input corruption level
 * </pre>
 * Loading checks everything (checksum, version, sizes against the architecture) and never allocates from an
 * unchecked length. Other sections (for example a lesson's view state) are kept and handed back unread.
 */
public final class ModelFile {
    /** The kinds of model a file can hold. */
    public static final String AUTOENCODER = "autoencoder";
    /** A PCA fit: all axes, their variances and the mean; it encodes with {@code k} of them. */
    public static final String PCA = "pca";

    /** What a model was trained on. */
    public record DataInfo(String name, int rows, int cols, int trainImages) {
    }

    /**
     * A loaded model file.
     *
     * @param kind        {@link #AUTOENCODER} or {@link #PCA}
     * @param codec       the model, ready to encode and decode
     * @param checkpoint  the training state (autoencoders), or null
     * @param data        what it was trained on, or null
     * @param sections    all sections, including ones this class does not interpret
     */
    public record Contents(String kind, Codec codec, Checkpoint checkpoint, DataInfo data,
                           Map<String, byte[]> sections) {
        /** The autoencoder, or an exception naming what the file holds instead. */
        public Autoencoder autoencoder() throws LabFileException {
            if (codec instanceof Autoencoder ae) {
                return ae;
            }
            throw new LabFileException("the file holds a " + kind + " model, not an autoencoder");
        }
    }

    private ModelFile() {
    }

    /** Saves a PCA fit that encodes with {@code k} components (any k can be chosen again later), atomically. */
    public static void savePca(Path file, latentlab.pca.PcaModel model, int k, DataInfo data) throws IOException {
        Map<String, byte[]> s = new LinkedHashMap<>();
        s.put("kind", new SectionWriter().putString(PCA).toByteArray());
        s.putAll(pcaSections(model, k, null));
        if (data != null) {
            s.put("data", new SectionWriter().putString(data.name()).putInt(data.rows()).putInt(data.cols())
                    .putInt(data.trainImages()).toByteArray());
        }
        LabFile.write(file, s);
    }

    /**
     * The sections of a PCA fit (and its test error curve, if given): how lesson files cache a fit so it is not
     * computed again.
     */
    public static Map<String, byte[]> pcaSections(latentlab.pca.PcaModel model, int k, latentlab.pca.ErrorCurve curve) {
        Map<String, byte[]> s = new LinkedHashMap<>();
        s.put("pca", new SectionWriter().putLong(model.sampleCount()).putInt(k).putFloats(model.mean())
                .putFloats(model.components()).putDoubles(model.variances()).toByteArray());
        if (curve != null) {
            s.put("pca-error-curve", new SectionWriter().putInt(curve.imageCount()).putDoubles(curve.errorsPerImage())
                    .toByteArray());
        }
        return s;
    }

    /** A PCA fit read from sections written by {@link #pcaSections}; k is in {@code kOut[0]}. */
    public static latentlab.pca.PcaModel parsePca(String name, Map<String, byte[]> s, int[] kOut)
            throws LabFileException {
        SectionReader r = new SectionReader(require(s, "pca", name), name + " (pca)");
        long samples = r.getLong();
        int k = r.getInt();
        float[] mean = r.getFloats();
        float[] components = r.getFloats();
        double[] variances = r.getDoubles();
        r.end();
        try {
            latentlab.pca.PcaModel m = latentlab.pca.PcaModel.of(samples, mean, components, variances);
            if (k < 1 || k > m.dimension()) {
                throw new IllegalArgumentException("k = " + k + " is outside 1.." + m.dimension());
            }
            if (kOut != null) {
                kOut[0] = k;
            }
            return m;
        } catch (IllegalArgumentException e) {
            throw new LabFileException(name + ": " + e.getMessage(), e);
        }
    }

    /** The cached test error curve of a PCA fit, or null if the file has none. */
    public static latentlab.pca.ErrorCurve parsePcaCurve(String name, Map<String, byte[]> s) throws LabFileException {
        byte[] b = s.get("pca-error-curve");
        if (b == null) {
            return null;
        }
        SectionReader r = new SectionReader(b, name + " (pca-error-curve)");
        int count = r.getInt();
        double[] errors = r.getDoubles();
        r.end();
        try {
            return latentlab.pca.ErrorCurve.of(count, errors);
        } catch (IllegalArgumentException e) {
            throw new LabFileException(name + ": " + e.getMessage(), e);
        }
    }

    /** Saves an autoencoder with its training state, atomically. {@code extra} sections are added unchanged. */
    public static void save(Path file, Checkpoint cp, DataInfo data, Map<String, byte[]> extra) throws IOException {
        LabFile.write(file, sections(cp, data, extra));
    }

    /** The sections of an autoencoder model file (for containers that add their own, like lesson files). */
    public static Map<String, byte[]> sections(Checkpoint cp, DataInfo data, Map<String, byte[]> extra) {
        Map<String, byte[]> s = new LinkedHashMap<>();
        s.put("kind", new SectionWriter().putString(AUTOENCODER).toByteArray());
        Architecture a = cp.architecture();
        s.put("network", new SectionWriter().putString(a.encoderSpec()).putString(a.decoderSpec())
                .putString(a.hidden().name()).putString(a.code().name()).putString(a.output().name())
                .putFloats(cp.parameters()).toByteArray());
        TrainingConfig c = cp.config();
        s.put("training", new SectionWriter().putString(c.loss().name()).putString(c.optimizer().id())
                .putDouble(c.learningRate()).putInt(c.batchSize()).putLong(c.seed()).putInt(c.threads())
                .putDouble(c.weightDecay()).putDouble(c.momentum()).putLong(cp.step()).toByteArray());
        if (cp.optimizerState() != null) {
            SectionWriter w = new SectionWriter().putString(cp.optimizerName()).putLong(cp.step())
                    .putInt(cp.optimizerState().length);
            for (float[] b : cp.optimizerState()) {
                w.putFloats(b);
            }
            s.put("optimizer", w.toByteArray());
        }
        if (cp.sampler() != null) {
            BatchSampler.State st = cp.sampler();
            s.put("sampler", new SectionWriter().putLong(st.rngState()).putInt(st.epoch()).putInt(st.position())
                    .putInts(st.order()).toByteArray());
        }
        SectionWriter h = new SectionWriter().putInt(cp.epochs().size());
        for (EpochRecord e : cp.epochs()) {
            h.putInt(e.epoch()).putLong(e.step()).putDouble(e.trainLoss()).putDouble(e.testLoss())
                    .putDouble(e.testSquaredError()).putDouble(e.seconds()).putDouble(e.samplesPerSecond());
        }
        LossTrace.View v = cp.batchLosses();
        long[] steps = new long[v.length()];
        float[] values = new float[v.length()];
        for (int i = 0; i < v.length(); i++) {
            steps[i] = v.step(i);
            values[i] = v.value(i);
        }
        h.putLongs(steps).putFloats(values);
        s.put("history", h.toByteArray());
        if (a.isVariational()) {
            double[] epochKl = cp.epochs().stream().mapToDouble(EpochRecord::testKl).toArray();
            LossTrace.View kv = cp.klLosses();
            long[] ks = new long[kv.length()];
            float[] kvals = new float[kv.length()];
            for (int i = 0; i < kv.length(); i++) {
                ks[i] = kv.step(i);
                kvals[i] = kv.value(i);
            }
            s.put("vae", new SectionWriter().putDouble(c.beta()).putDoubles(epochKl).putLongs(ks).putFloats(kvals)
                    .toByteArray());
        }
        if (c.corruption() > 0) {
            s.put("denoising", new SectionWriter().putDouble(c.corruption()).toByteArray());
        }
        if (data != null) {
            s.put("data", new SectionWriter().putString(data.name()).putInt(data.rows()).putInt(data.cols())
                    .putInt(data.trainImages()).toByteArray());
        }
        if (extra != null) {
            s.putAll(extra);
        }
        return s;
    }

    /**
     * Loads and validates a model file.
     *
     * @throws LabFileException naming the file and the problem (not a model file, corrupt, truncated, newer format,
     *                          sizes that do not fit the architecture)
     */
    public static Contents load(Path file) throws IOException {
        return parse(file.getFileName().toString(), LabFile.read(file));
    }

    /** Loads a model file bundled as a class-path resource, e.g. the pre-trained model. */
    public static Contents loadResource(String resource) throws IOException {
        try (var in = ModelFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new java.nio.file.NoSuchFileException(resource, null, "resource not in this build");
            }
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            return parse(name, LabFile.read(in.readAllBytes(), name));
        }
    }

    /** Interprets sections already read from {@code name}. */
    public static Contents parse(String name, Map<String, byte[]> s) throws LabFileException {
        String kind = new SectionReader(require(s, "kind", name), name + " (kind)").getString();
        if (kind.equals(PCA)) {
            int[] k = new int[1];
            latentlab.pca.PcaModel m = parsePca(name, s, k);
            return new Contents(PCA, m.codec(k[0]), null, parseData(name, s, m.dimension()), s);
        }
        if (!kind.equals(AUTOENCODER)) {
            throw new LabFileException(name + ": holds a model of unknown kind '" + kind + "'");
        }
        try {
            return parseAutoencoder(name, s);
        } catch (IllegalArgumentException e) {
            throw new LabFileException(name + ": " + e.getMessage(), e);
        }
    }

    private static byte[] require(Map<String, byte[]> s, String section, String name) throws LabFileException {
        byte[] b = s.get(section);
        if (b == null) {
            throw new LabFileException(name + ": not a Latent Lab model file (no '" + section + "' section)");
        }
        return b;
    }

    private static Contents parseAutoencoder(String name, Map<String, byte[]> s) throws LabFileException {
        SectionReader net = new SectionReader(require(s, "network", name), name + " (network)");
        String enc = net.getString();
        String dec = net.getString();
        Activation hidden = Activations.byName(net.getString());
        Activation code = Activations.byName(net.getString());
        Activation output = Activations.byName(net.getString());
        int d = firstSize(enc, name);
        boolean vae = s.containsKey("vae");
        Architecture arch = Architecture.parse(enc, dec, d, hidden, code, output, vae);
        float[] params = net.getFloats();
        net.end();
        if (params.length != arch.parameterCount()) {
            throw new LabFileException(name + ": " + arch + " needs " + arch.parameterCount() + " parameters, the file has "
                    + params.length);
        }
        HeapBudget.require(4L * params.length, "loading " + name + " (" + arch + ")");
        Autoencoder ae = Autoencoder.withParameters(arch, params);
        FiniteWeights.require(name, ae);

        SectionReader tr = new SectionReader(require(s, "training", name), name + " (training)");
        String loss = tr.getString();
        String opt = tr.getString();
        double lr = tr.getDouble();
        int batch = tr.getInt();
        long seed = tr.getLong();
        int threads = tr.getInt();
        double wd = tr.getDouble();
        double momentum = tr.getDouble();
        long step = tr.getLong();
        tr.end();
        double beta = 1.0;
        double[] epochKl = null;
        LossTrace.View klLosses = LossTrace.View.empty();
        if (vae) {
            SectionReader v = new SectionReader(s.get("vae"), name + " (vae)");
            beta = v.getDouble();
            epochKl = v.getDoubles();
            long[] ks = v.getLongs();
            float[] kvals = v.getFloats();
            v.end();
            if (ks.length != kvals.length) {
                throw new LabFileException(name + ": KL history has " + ks.length + " steps but " + kvals.length + " values");
            }
            klLosses = LossTrace.View.of(ks, kvals);
        }
        double corruption = 0;
        if (s.containsKey("denoising")) {
            SectionReader dn = new SectionReader(s.get("denoising"), name + " (denoising)");
            corruption = dn.getDouble();
            dn.end();
        }
        TrainingConfig config = new TrainingConfig(arch, Losses.byName(loss), OptimizerKind.byName(opt), lr, batch, seed,
                threads, wd, momentum, beta, corruption);

        String optName = null;
        float[][] optState = null;
        if (s.containsKey("optimizer")) {
            SectionReader o = new SectionReader(s.get("optimizer"), name + " (optimizer)");
            optName = o.getString();
            o.getLong();
            int buffers = o.getInt();
            if (buffers < 0 || buffers > 4) {
                throw new LabFileException(name + ": optimizer section claims " + buffers + " state arrays");
            }
            optState = new float[buffers][];
            for (int i = 0; i < buffers; i++) {
                optState[i] = o.getFloats();
                if (optState[i].length != params.length) {
                    throw new LabFileException(name + ": optimizer state has " + optState[i].length
                            + " values for " + params.length + " parameters");
                }
            }
            o.end();
        }
        BatchSampler.State sampler = null;
        if (s.containsKey("sampler")) {
            SectionReader r = new SectionReader(s.get("sampler"), name + " (sampler)");
            sampler = new BatchSampler.State(r.getLong(), r.getInt(), r.getInt(), r.getInts());
            r.end();
            if (sampler.position() < 0 || sampler.position() > sampler.order().length || sampler.epoch() < 0) {
                throw new LabFileException(name + ": sampler position out of range");
            }
        }
        List<EpochRecord> epochs = new ArrayList<>();
        LossTrace.View losses = LossTrace.View.empty();
        if (s.containsKey("history")) {
            SectionReader h = new SectionReader(s.get("history"), name + " (history)");
            int n = h.getInt();
            if (n < 0 || n > 1_000_000) {
                throw new LabFileException(name + ": history claims " + n + " epochs");
            }
            for (int i = 0; i < n; i++) {
                epochs.add(new EpochRecord(h.getInt(), h.getLong(), h.getDouble(), h.getDouble(), h.getDouble(),
                        h.getDouble(), h.getDouble(), epochKl != null && i < epochKl.length ? epochKl[i] : Double.NaN));
            }
            long[] steps = h.getLongs();
            float[] values = h.getFloats();
            h.end();
            if (steps.length != values.length) {
                throw new LabFileException(name + ": history has " + steps.length + " steps but " + values.length
                        + " losses");
            }
            losses = LossTrace.View.of(steps, values);
        }
        DataInfo data = parseData(name, s, arch.inputSize());
        Checkpoint cp = new Checkpoint(config, arch, params, optName, optState, step, sampler, List.copyOf(epochs), losses,
                klLosses);
        return new Contents(AUTOENCODER, ae, cp, data, s);
    }

    private static DataInfo parseData(String name, Map<String, byte[]> s, int inputs) throws LabFileException {
        if (!s.containsKey("data")) {
            return null;
        }
        SectionReader r = new SectionReader(s.get("data"), name + " (data)");
        DataInfo data = new DataInfo(r.getString(), r.getInt(), r.getInt(), r.getInt());
        r.end();
        if ((long) data.rows() * data.cols() != inputs) {
            throw new LabFileException(name + ": made for " + data.rows() + " x " + data.cols()
                    + " images but the model takes " + inputs + " inputs");
        }
        return data;
    }

    private static int firstSize(String spec, String name) throws LabFileException {
        try {
            return Integer.parseInt(spec.split("-")[0].trim());
        } catch (NumberFormatException e) {
            throw new LabFileException(name + ": malformed architecture '" + spec + "'");
        }
    }
}
