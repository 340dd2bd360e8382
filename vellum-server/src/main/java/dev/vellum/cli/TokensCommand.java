package dev.vellum.cli;

import dev.vellum.auth.Scope;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "tokens", description = "Manage a project's tokens (local data, or a server with --url).",
        subcommands = {TokensCommand.Create.class, TokensCommand.ListAll.class})
final class TokensCommand {

    @Command(name = "create", description = "Issue a token; its secret is printed once, on stdout.")
    static final class Create implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Option(names = "--name", required = true, description = "What the token is for.") String name;
        @Option(names = "--scope", defaultValue = "read", description = "read, write or admin (default: ${DEFAULT-VALUE}).") String scope;
        @Option(names = "--expires-at", description = "ISO 8601 date-time after which the token stops working.") String expiresAt;

        @Override
        public Integer call() {
            Scope s = Scope.parse(scope).orElseThrow(() -> new ParameterException(spec.commandLine(), "--scope must be read, write or admin"));
            try (Target t = Target.open(spec)) {
                record Issued(String id, String secret) {}
                Issued issued = switch (t) {
                    case Target.Local l -> {
                        var i = l.vellum().services().tokens().issue(project, name, s, expiresAt);
                        yield new Issued(i.token().id(), i.secret());
                    }
                    case Target.Remote r -> {
                        var scopeOut = dev.vellum.client.Scope.valueOf(s.name());
                        var i = expiresAt == null ? r.client().tokens(project).issue(name, scopeOut)
                                : r.client().tokens(project).issue(name, scopeOut, Instant.parse(expiresAt));
                        yield new Issued(i.token().id(), i.secret());
                    }
                };
                spec.commandLine().getOut().println(issued.secret());
                spec.commandLine().getErr().println("token " + issued.id() + " (" + s.wire() + ") for project " + project
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
            var out = spec.commandLine().getOut();
            try (Target t = Target.open(spec)) {
                switch (t) {
                    case Target.Local l -> l.vellum().services().tokens().list(project).forEach(tok -> out.println(
                            line(tok.id(), tok.name(), tok.scope().wire(), tok.lastUsedAt(), tok.revokedAt() != null)));
                    case Target.Remote r -> r.client().tokens(project).list().forEach(tok -> out.println(line(tok.id(), tok.name(),
                            tok.scope().name().toLowerCase(java.util.Locale.ROOT), tok.lastUsedAt() == null ? null : tok.lastUsedAt().toString(),
                            tok.revokedAt() != null)));
                }
            }
            return 0;
        }

        private static String line(String id, String name, String scope, String lastUsed, boolean revoked) {
            return id + "\t" + name + "\t" + scope + "\tlast used " + (lastUsed == null ? "never" : lastUsed) + (revoked ? "\trevoked" : "");
        }
    }
}
