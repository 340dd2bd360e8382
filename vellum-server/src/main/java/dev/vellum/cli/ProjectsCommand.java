package dev.vellum.cli;

import dev.vellum.app.Vellum;
import dev.vellum.projects.Project;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "projects", description = "Manage projects in the local data directory or database.",
        subcommands = {ProjectsCommand.Create.class, ProjectsCommand.ListAll.class})
final class ProjectsCommand {

    @Command(name = "create", description = "Create a project.")
    static final class Create implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", description = "Project id (a-z, 0-9, _ and -).") String id;
        @Option(names = "--name", description = "Display name (default: the id).") String name;

        @Override
        public Integer call() {
            try (Vellum v = Vellum.open(ConfigOptions.resolve(spec))) {
                Project p = v.services().projects().create(id, name);
                spec.commandLine().getOut().println("created project " + p.id());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List projects.")
    static final class ListAll implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            try (Vellum v = Vellum.open(ConfigOptions.resolve(spec))) {
                for (Project p : v.services().projects().list()) {
                    spec.commandLine().getOut().println(p.id() + "\t" + p.name() + "\t" + p.createdAt());
                }
            }
            return 0;
        }
    }
}
