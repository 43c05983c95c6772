package dev.bobbin.examples.quarkus;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.bobbin.Reactor;
import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.core.Vertx;

/**
 * What the tests look at: the reactor threads alive in the JVM, the cancellations seen, and an id that
 * changes when the application restarts. Only in the dev and test profiles.
 */
@Path("/diagnostics")
@IfBuildProfile(anyOf = {"dev", "test"})
public class Diagnostics {
    private final String instance = UUID.randomUUID().toString();

    @Inject
    Reactor reactor;

    @Inject
    QuoteService quotes;

    @Inject
    JobService jobs;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "bobbin.reactor.loop", defaultValue = "own")
    String loop;

    /**
     * @param instance changes at every start of the application
     * @param loop the configured loop, {@code own} or {@code vertx}
     * @param running whether the reactor accepts work
     * @param reactorThreads every live thread of the JVM named {@code bobbin-reactor…}, as {@code name#id}
     * @param verticles how many verticles are deployed (the Vert.x loop deploys one)
     * @param cancelledQuotes price requests cancelled because their caller stopped waiting
     * @param cancelledJobs jobs cancelled while running
     */
    public record Snapshot(
            String instance,
            String loop,
            boolean running,
            List<String> reactorThreads,
            int verticles,
            int cancelledQuotes,
            int cancelledJobs) {}

    /** @return what the application looks like now */
    @GET
    public Snapshot snapshot() {
        List<String> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("bobbin-reactor"))
                .map(thread -> thread.getName() + "#" + thread.getId())
                .sorted()
                .toList();
        return new Snapshot(
                instance,
                loop,
                reactor.isRunning(),
                threads,
                vertx.deploymentIDs().size(),
                quotes.cancelledRequests(),
                jobs.cancelledJobs());
    }
}
