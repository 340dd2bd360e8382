package dev.vellum.cli;

import dev.vellum.error.VellumException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: a second adapter over the same facades as HTTP. */
@Command(name = "vellum", mixinStandardHelpOptions = true, version = "vellum 0.1.0",
        description = "Vellum, a self-hosted headless CMS.",
        subcommands = {ServeCommand.class, ProjectsCommand.class, TokensCommand.class, EntriesCommand.class})
public final class VellumCli {

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new VellumCli());
        addConfigOptions(cli);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof VellumException v) {
                cmd.getErr().println("error: " + v.detail() + " (" + v.code() + ")");
                v.errors().forEach(f -> cmd.getErr().println("  " + f.field() + ": " + f.message()));
                return 2;
            }
            throw e;
        });
        return cli;
    }

    private static void addConfigOptions(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getSubcommands().isEmpty()) ConfigOptions.addTo(sub.getCommandSpec());
            else addConfigOptions(sub);
        }
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }
}
