package org.moodbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moodbox.settings.SettingsStore;
import org.moodbox.web.WebServer;

/**
 * The house rules of the README's architecture section, checked on the product's classes: data flows one
 * way and no room looks back. A failure names the class and the import that breaks a rule.
 */
class HouseRulesTest {
    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS) // the models module's jar is not ours here
                .importPackages("org.moodbox");
    }

    @Test
    void nothingImportsTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackage("org.moodbox.app..")
                .and().doNotHaveFullyQualifiedName(Moodbox.class.getName())
                .should().dependOnClassesThat().resideInAPackage("org.moodbox.app..")
                .because("app builds the rooms; a room that reached back into it would be wired to its builder")
                .check(product);
    }

    @Test
    void theSharedVocabularyImportsNothingOfOurs() {
        classes().that().resideInAPackage("org.moodbox.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.moodbox.model..", "java..")
                .because("model is what rooms meet through; it must not pull a room in with it")
                .check(product);
    }

    @Test
    void onlyTheCompositionRootTheWebAndTheBrokerLinkTouchTheSettingsStore() {
        noClasses().that().resideOutsideOfPackages("org.moodbox.app..", "org.moodbox.web..", "org.moodbox.mqtt..",
                        "org.moodbox.settings..")
                .should().dependOnClassesThat().belongToAnyOf(SettingsStore.class)
                .because("app hands each room its part of the owner's settings; the web and the broker's commands save"
                        + " them, through the same checks")
                .check(product);
    }

    @Test
    void theBrokerLinkSeesNoPixelsAndNoRoomsInside() {
        noClasses().that().resideInAPackage("org.moodbox.mqtt..")
                .should().dependOnClassesThat().resideInAnyPackage("org.moodbox.vision..", "org.moodbox.camera..",
                        "org.moodbox.web..", "org.moodbox.catalog..", "org.moodbox.recommend..")
                .because("no frame is ever published, and commands go through the ports the kiosk and the admin page"
                        + " use (mood feed, player, the box's controls, the settings store), never into a room")
                .check(product);
    }

    @Test
    void playbackImportsNoMusicSource() {
        noClasses().that().resideInAPackage("org.moodbox.playback..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.moodbox.catalog..", "org.moodbox.spotify..", "org.moodbox.youtube..")
                .because("sources depend on playback (librespot's connect on its playback), never the reverse")
                .check(product);
    }

    @Test
    void noProductRoomImportsTheBenchmarks() {
        noClasses().that().resideOutsideOfPackages("org.moodbox.bench..", "org.moodbox.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.moodbox.bench..")
                .because("benchmarks, peers and their fixtures are reached from the bench command only")
                .check(product);
    }

    @Test
    void theOwnersSignInIsCheckedOnlyByTheServer() {
        noClasses().that().doNotBelongToAnyOf(WebServer.class)
                .should().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("requireSignedIn")))
                .because("owner routes declare Access.OWNER and the server checks the sign-in once, before the"
                        + " handler; a handler checking it itself is the pattern this replaced")
                .check(product);
    }

    @Test
    void roomsFormNoCycle() {
        slices().matching("org.moodbox.(*)..").should().beFreeOfCycles().check(product);
    }

    @Test
    void packagesFormNoCycleEitherInsideARoom() {
        // web: WebServer builds the kiosk and admin routes, which share web.shared; none of them looks back.
        slices().matching("org.moodbox.(**)").should().beFreeOfCycles().check(product);
    }

    @Test
    void theEnvironmentIsReadOnceWhereTheCommandLineIsBuilt() {
        noClasses().that().doNotBelongToAnyOf(Moodbox.class)
                .should().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .because("configuration is read once at the edge (cli/ProcessEnvironment) and handed to each room")
                .check(product);
    }
}
