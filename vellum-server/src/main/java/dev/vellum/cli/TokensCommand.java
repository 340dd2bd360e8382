package dev.vellum.cli;

import dev.vellum.app.Vellum;
import dev.vellum.auth.IssuedToken;
import dev.vellum.auth.Scope;
import dev.vellum.auth.Token;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "tokens", description = "Manage a project's tokens in the local data directory or database.",
        subcommands = {TokensCommand.Create.class, TokensCommand.ListAll.class})
final class TokensCommand {

    @Command(name = "create", description = "Issue a token; its secret is printed once.")
    static final class Create implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Option(names = "--name", required = true, description = "What the token is for.") String name;
        @Option(names = "--scope", defaultValue = "read", description = "read, write or admin (default: ${DEFAULT-VALUE}).") String scope;
        @Option(names = "--expires-at", description = "ISO 8601 date-time after which the token stops working.") String expiresAt;

        @Override
        public Integer call() {
            Scope s = Scope.parse(scope).orElseThrow(() -> new ParameterException(spec.commandLine(), "--scope must be read, write or admin"));
            try (Vellum v = Vellum.open(ConfigOptions.resolve(spec))) {
                IssuedToken t = v.services().tokens().issue(project, name, s, expiresAt);
                spec.commandLine().getOut().println(t.secret());
                spec.commandLine().getErr().println("token " + t.token().id() + " (" + s.wire() + ") for project " + project
                        + "; the secret above is shown once");
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List a project's tokens (never their secrets).")
    static final class ListAll implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;

        @Override
        public Integer call() {
            try (Vellum v = Vellum.open(ConfigOptions.resolve(spec))) {
                for (Token t : v.services().tokens().list(project)) {
                    spec.commandLine().getOut().println(t.id() + "\t" + t.name() + "\t" + t.scope().wire() + "\tlast used "
                            + (t.lastUsedAt() == null ? "never" : t.lastUsedAt()) + (t.revokedAt() == null ? "" : "\trevoked"));
                }
            }
            return 0;
        }
    }
}
