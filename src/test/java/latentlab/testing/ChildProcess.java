package latentlab.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A process a test starts (a child JVM, python3): its standard output and standard error are read on their own
 * threads from the start, so that a child that fills a pipe cannot block, {@link #waitFor} returns when the time is
 * up even if the child hangs, and a hung child (and everything it started) is killed rather than left to hang the
 * build. The timeouts are generous guards against a hang, not speed checks.
 */
public final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final Text out;
    private final Text err;

    private ChildProcess(Process process) {
        this.process = process;
        this.out = new Text(process.getInputStream());
        this.err = new Text(process.getErrorStream());
    }

    /** Starts {@code builder}'s command; its output is read as it comes. */
    public static ChildProcess start(ProcessBuilder builder) throws IOException {
        return new ChildProcess(builder.start());
    }

    /** Runs {@code builder}'s command to its end, or kills it after {@code seconds}. */
    public static Result run(ProcessBuilder builder, long seconds) throws IOException, InterruptedException {
        try (ChildProcess p = start(builder)) {
            return p.waitFor(seconds);
        }
    }

    /** The command line of a JVM like this one (same java, same class path) running {@code mainClass} with args. */
    public static List<String> java(List<String> jvmOptions, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    public Process process() {
        return process;
    }

    /** Waits up to {@code seconds} for the child to end; if it does not, kills it and its descendants. */
    public Result waitFor(long seconds) throws InterruptedException {
        boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!ended) {
            kill();
        }
        return new Result(ended, ended ? process.exitValue() : -1, out.all(), err.all());
    }

    /**
     * Waits until the child's standard output contains {@code text} (true), the child ends without printing it, or
     * {@code seconds} pass (false).
     */
    public boolean awaitOutput(String text, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (out) {
            while (!out.sofar().contains(text)) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0 || out.ended()) {
                    return false;
                }
                out.wait(left);
            }
            return true;
        }
    }

    /** The standard output so far. */
    public String outputSoFar() {
        synchronized (out) {
            return out.sofar();
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Kills the child if it still runs (a test that failed half way leaves nothing behind). */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /** How a child ended: {@code ended} is false if it was killed after the time given. */
    public record Result(boolean ended, int exitValue, String out, String err) {
        /** Standard output and standard error, for failure messages. */
        public String both() {
            return out + (err.isEmpty() ? "" : "\n[stderr]\n" + err);
        }
    }

    /** One stream, read on a daemon thread into a buffer that can be looked at while it grows. */
    private static final class Text {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Text(InputStream in) {
            Thread reader = new Thread(() -> read(in), "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (this) {
                        bytes.write(buffer, 0, n);
                        notifyAll();
                    }
                }
                done.complete(null);
            } catch (IOException e) {
                done.completeExceptionally(new UncheckedIOException(e));
            } finally {
                synchronized (this) {
                    notifyAll();
                }
            }
        }

        synchronized String sofar() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized boolean ended() {
            return done.isDone();
        }

        /** Everything, once the stream has ended (after the child ended or was killed), or what came so far. */
        String all() {
            try {
                done.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // A grandchild may hold the pipe open; what was read is still the best message.
            }
            return sofar();
        }
    }
}
