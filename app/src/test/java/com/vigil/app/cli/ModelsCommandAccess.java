package com.vigil.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Test access to {@code vigil models} with a fixed password for {@code --as}. */
public final class ModelsCommandAccess {
    private ModelsCommandAccess() {
    }

    public static int run(PrintWriter out, PrintWriter err, String password, String... args) {
        CommandLine cl = new CommandLine(new ModelsCommand());
        cl.setOut(out);
        cl.setErr(err);
        ModelsCommand.Train train = cl.getSubcommands().get("train").getCommand();
        train.passwords = prompt -> password.toCharArray();
        return cl.execute(args);
    }
}
