package dev.vellum.cli;

import dev.vellum.error.VellumException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: a second adapter over the same facades as HTTP. */
@Command(name = "vellum", mixinStandardHelpOptions = true, version = "vellum 0.1.0",
        description = "Vellum, a self-hosted headless CMS.",
        subcommands = {ServeCommand.class, ProjectsCommand.class, TokensCommand.class, CollectionsCommand.class, EntriesCommand.class, ImportCommand.class,
                TailCommand.class, SyncCommand.class, ConfigCommand.class, AssetsCommand.class})
public final class VellumCli {

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new VellumCli());
        addConfigOptions(cli);
        // autoflush: Main may System.exit right after a command returns
        cli.setOut(new java.io.PrintWriter(System.out, true));
        cli.setErr(new java.io.PrintWriter(System.err, true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            switch (e) {
                case VellumException v -> {
                    cmd.getErr().println("error: " + v.detail() + " (" + v.code() + ")");
                    v.errors().forEach(f -> cmd.getErr().println("  " + f.field() + ": " + f.message()));
                    return 2;
                }
                case dev.vellum.client.VellumApiException v -> {
                    cmd.getErr().println("error: " + v.detail() + " (" + v.code() + ", HTTP " + v.status() + ", request " + v.requestId() + ")");
                    v.errors().forEach(f -> cmd.getErr().println("  " + f.field() + ": " + f.message()));
                    return 2;
                }
                case dev.vellum.client.VellumClientException v -> {
                    cmd.getErr().println("error: " + v.getMessage());
                    return 3;
                }
                default -> throw e;
            }
        });
        return cli;
    }

    private static void addConfigOptions(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().mixinStandardHelpOptions(true);
            if (sub.getSubcommands().isEmpty()) ConfigOptions.addTo(sub.getCommandSpec(), !(sub.getCommand() instanceof ServeCommand));
            else addConfigOptions(sub);
        }
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }
}
