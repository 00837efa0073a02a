package latentlab.app;

import latentlab.cli.Cli;

/**
 * The entry point of {@code java -jar latent-lab.jar}: no arguments (or {@code gui}) opens the window, anything
 * else runs the command line. A plain class, not an {@code Application}, so that JavaFX can sit on the class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 1 && args[0].equals("gui"))) {
            LatentLabApp.launchApp();
            return;
        }
        int code = Cli.execute(args);
        System.exit(code);
    }
}
