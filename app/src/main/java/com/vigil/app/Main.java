package com.vigil.app;

import com.vigil.app.cli.AuditCommand;
import com.vigil.app.cli.BenchCommand;
import com.vigil.app.cli.ConsoleCommand;
import com.vigil.app.cli.DetectCommand;
import com.vigil.app.cli.ModelsCommand;
import com.vigil.app.cli.ProbeCommand;
import com.vigil.app.cli.ReplayCommand;
import com.vigil.app.cli.RulesCommand;
import com.vigil.app.cli.SimCommand;
import com.vigil.app.cli.UserCommand;
import com.vigil.app.cli.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code vigil} — the console and its command-line tools. Without a sub-command it opens the console
 * on the embedded demo plant. Deliberately not a JavaFX {@code Application}, so JavaFX starts from
 * the class path.
 */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Vigil (安全哨兵): control-room console for production safety.",
        subcommands = {ConsoleCommand.class, SimCommand.class, ReplayCommand.class, DetectCommand.class, BenchCommand.class,
                AuditCommand.class, UserCommand.class, ProbeCommand.class, ModelsCommand.class, RulesCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams and returns the exit code (tests call this). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("vigil " + cmd.getCommandName() + ": " + ex.getMessage());
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        // no sub-command: the console
        System.exit(new ConsoleCommand().call());
    }
}
