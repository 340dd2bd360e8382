package dev.vellum;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of the server, as rules the build checks (docs/architecture.md says the same in prose).
 *
 * <pre>
 *   adapters   http · cli · admin          parse, check scope, call one facade, render
 *      ↓       (app wires everything; only the CLI starts it)
 *   capabilities  auth · projects · schema · content · query · changes · webhooks · … each with its own repository
 *      ↓
 *   storage    the toolkit: Database, Tx, Dialect, Migrations, statement cache, SQL errors, codecs
 * </pre>
 */
class ArchitectureTest {
    private static final String[] ADAPTERS = {"dev.vellum.http..", "dev.vellum.cli..", "dev.vellum.admin.."};
    private static final String APP = "dev.vellum.app..";
    /** The root package holds only {@code Main}, the entry point that hands over to the CLI. */
    private static final String MAIN = "dev.vellum";

    private static JavaClasses server;

    @BeforeAll
    static void importServer() {
        server = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.vellum")
                .that(not(resideInAPackage("dev.vellum.client..")));
    }

    @Test
    void storageIsAToolkitThatKnowsNoCapability() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.vellum.storage..")
                .should().dependOnClassesThat(resideInAPackage("dev.vellum..")
                        .and(not(resideInAnyPackage("dev.vellum.storage..", "dev.vellum.error..", "dev.vellum.config.."))))
                .because("storage is the generic toolkit at the bottom: each capability owns its own SQL");
        rule.check(server);
    }

    @Test
    void onlyTheWebAdaptersUseJavalin() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("dev.vellum.http..", "dev.vellum.admin..")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .because("HTTP is an adapter over the capability facades, not part of them");
        rule.check(server);
    }

    @Test
    void onlyTheCommandLineAdapterUsesPicocli() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("dev.vellum.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .because("the CLI is a second adapter over the same facades as HTTP");
        rule.check(server);
    }

    @Test
    void nothingBelowTheAdaptersDependsOnThem() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(concat(ADAPTERS, APP, MAIN))
                .should().dependOnClassesThat().resideInAnyPackage(concat(ADAPTERS, APP))
                .because("dependencies point one way: adapters → capabilities → storage");
        rule.check(server);
    }

    @Test
    void noAdapterDependsOnTheWiringButTheOneThatStartsIt() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.vellum.http..", "dev.vellum.admin..")
                .should().dependOnClassesThat().resideInAPackage(APP)
                .because("app wires the adapters together; only the CLI's serve command starts it");
        rule.check(server);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.vellum.(*)..")
                .should().beFreeOfCycles()
                .because("a capability that needs another's table gets a port it implements, not a loop")
                .check(server);
    }

    private static String[] concat(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }
}
