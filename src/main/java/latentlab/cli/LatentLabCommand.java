package latentlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: {@code latent-lab <command>}; without a command the launcher opens the window instead. */
@Command(name = "latent-lab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Watch an autoencoder learn. Without arguments (or with 'gui') the window opens;",
                "the commands below run the same engine from the command line."},
        subcommands = {InspectCommand.class, TrainCommand.class, EvalCommand.class, EncodeCommand.class,
                PcaCommand.class, BenchCommand.class, ProbeCommand.class,
                DimensionsCommand.class},
        footer = {"", "Run 'latent-lab <command> --help' for a command's options."})
public final class LatentLabCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
