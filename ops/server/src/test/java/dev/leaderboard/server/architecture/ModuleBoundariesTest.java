package dev.leaderboard.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The write side and the read side meet only in the event contract (event-store-config): neither may import the
 * other, and the contract imports neither. Every rule fails when its packages hold no class (ArchUnit's default), so
 * a rule cannot pass because the code it guards moved away.
 */
class ModuleBoundariesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.leaderboard");

    @Test
    void commandSideDoesNotDependOnTheReadSide() {
        noClasses().that().resideInAPackage("dev.leaderboard.command..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.leaderboard.projections..",
                        "dev.leaderboard.query..")
                .check(CLASSES);
    }

    @Test
    void readSideDoesNotDependOnTheCommandSide() {
        noClasses().that().resideInAnyPackage("dev.leaderboard.projections..", "dev.leaderboard.query..")
                .should().dependOnClassesThat().resideInAPackage("dev.leaderboard.command..")
                .check(CLASSES);
    }

    @Test
    void projectionsDoNotDependOnTheQueryApi() {
        noClasses().that().resideInAPackage("dev.leaderboard.projections..")
                .should().dependOnClassesThat().resideInAPackage("dev.leaderboard.query..")
                .check(CLASSES);
    }

    @Test
    void theEventContractDependsOnNoFeatureModule() {
        noClasses().that().resideInAnyPackage("dev.leaderboard.events..", "dev.leaderboard.eventstore..",
                        "dev.leaderboard.windows..", "dev.leaderboard.platform..", "dev.leaderboard.boards..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.leaderboard.command..",
                        "dev.leaderboard.projections..", "dev.leaderboard.query..", "dev.leaderboard.server..")
                .check(CLASSES);
    }
}
