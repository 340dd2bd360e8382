package dev.vellum.cli;

import dev.vellum.config.ConfigReference;
import picocli.CommandLine.Command;

@Command(name = "config", description = "About configuration.", subcommands = ConfigCommand.Reference.class)
final class ConfigCommand {

    @Command(name = "reference", description = "Print the configuration reference (Markdown).")
    static final class Reference implements Runnable {
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().getOut().print(ConfigReference.markdown());
            spec.commandLine().getOut().flush();
        }
    }
}
