package dev.vellum.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "projects", description = "Manage projects (local data, or a server with --url).",
        subcommands = {ProjectsCommand.Create.class, ProjectsCommand.ListAll.class})
final class ProjectsCommand {

    @Command(name = "create", description = "Create a project (remote: needs the instance admin token).")
    static final class Create implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", description = "Project id (a-z, 0-9, _ and -).") String id;
        @Option(names = "--name", description = "Display name (default: the id).") String name;

        @Override
        public Integer call() {
            try (Target t = Target.open(spec)) {
                String created = switch (t) {
                    case Target.Local l -> l.vellum().services().projects().create(id, name).id();
                    case Target.Remote r -> r.client().projects().create(id, name).id();
                };
                spec.commandLine().getOut().println("created project " + created);
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List projects: id, name, created.")
    static final class ListAll implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            try (Target t = Target.open(spec)) {
                var out = spec.commandLine().getOut();
                switch (t) {
                    case Target.Local l -> l.vellum().services().projects().list()
                            .forEach(p -> out.println(p.id() + "\t" + p.name() + "\t" + p.createdAt()));
                    case Target.Remote r -> r.client().projects().list()
                            .forEach(p -> out.println(p.id() + "\t" + p.name() + "\t" + p.createdAt()));
                }
            }
            return 0;
        }
    }
}
