package latentlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import latentlab.compute.NotEnoughMemoryException;
import latentlab.io.Messages;
import picocli.CommandLine;

/**
 * Runs the command line: picocli parses, each subcommand class does one job. User mistakes (bad arguments, a
 * missing or corrupt file, an input or a network larger than the heap) print one line and exit with code
 * {@value #USAGE_ERROR}; only real bugs print a stack trace, and then only with {@code --debug}.
 */
public final class Cli {
    /** Exit code for anything the user can fix: a bad argument, a missing or corrupt file. */
    public static final int USAGE_ERROR = 2;

    private Cli() {
    }

    /** Parses and runs {@code args}, printing to standard output and error; returns the exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Same, printing to the given writers (tests capture them). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(commandLine(), out, err, args);
    }

    /**
     * Runs {@code args} on a command tree from {@link #commandLine()} to which the caller may have added commands
     * of higher layers (the window's benchmark), printing to the given writers.
     */
    public static int execute(CommandLine cl, PrintWriter out, PrintWriter err, String... args) {
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** The configured picocli command tree. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LatentLabCommand());
        // The last of a repeated option wins, as in most Unix tools.
        cl.setOverwrittenOptionsAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage() + " (see: " + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help)");
            return USAGE_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
            if (cause instanceof UserError || cause instanceof IOException || cause instanceof IllegalArgumentException
                    || cause instanceof NotEnoughMemoryException) {
                err.println("error: " + Messages.describe(cause));
                return USAGE_ERROR;
            }
            err.println("internal error: " + cause);
            if (Boolean.getBoolean("latentlab.debug") || parseResult.hasMatchedOption("--debug")) {
                cause.printStackTrace(err);
            } else {
                err.println("(run with --debug for the stack trace)");
            }
            return 1;
        });
        return cl;
    }
}
