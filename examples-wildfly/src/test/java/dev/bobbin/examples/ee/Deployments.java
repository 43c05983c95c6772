package dev.bobbin.examples.ee;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds test deployments from the WAR that Maven packaged, so the servers run exactly what a user
 * deploys (Bobbin as a jar in {@code WEB-INF/lib}), plus the test classes and the assertion libraries
 * the in-container tests need.
 */
final class Deployments {
    private Deployments() {}

    /** The packaged example WAR, renamed to {@code name} (which sets the context root). */
    static WebArchive example(String name) {
        File packaged = path("bobbin.example.war").toFile();
        WebArchive war =
                ShrinkWrap.create(ZipImporter.class, name).importFrom(packaged).as(WebArchive.class);
        return withTestSupport(war).addClass(ReactorProbeResource.class);
    }

    /** An empty WAR (no Bobbin) that only hosts in-container tests and the {@link Journal}. */
    static WebArchive probe(String name) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addClasses(Journal.class, JournalMBean.class, Journal.Registration.class, JournalServlet.class);
        return withTestSupport(war);
    }

    private static WebArchive withTestSupport(WebArchive war) {
        File[] libraries =
                path("bobbin.example.in-container-libs").toFile().listFiles((dir, file) -> file.endsWith(".jar"));
        if (libraries == null || libraries.length == 0) {
            throw new IllegalStateException(
                    "no in-container test libraries; run the build through `mvn verify -P<server>`");
        }
        return war.addClasses(Deployments.class, Http.class).addAsLibraries(libraries);
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(
                    "system property " + property + " is not set; run through `mvn verify -P<server>`");
        }
        return Paths.get(value);
    }
}
