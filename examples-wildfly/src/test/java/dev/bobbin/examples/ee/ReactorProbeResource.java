package dev.bobbin.examples.ee;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import dev.bobbin.ResultStore;
import io.smallrye.mutiny.Uni;

/** Test-only endpoints (added to test deployments): look at this application's reactor and store over HTTP. */
@Path("test/reactor")
@Produces(MediaType.TEXT_PLAIN)
public class ReactorProbeResource {
    @Inject
    Reactor reactor;

    @Inject
    ResultStore store;

    /** The reactor thread's name and identity. */
    @GET
    @Path("thread")
    public String thread() {
        return reactor.waitFor(Duration.ofSeconds(5), () -> {
            Thread thread = Thread.currentThread();
            return thread.getName() + "@" + Integer.toHexString(System.identityHashCode(thread));
        });
    }

    /** Stashes a finished result and returns its id. */
    @GET
    @Path("stash")
    public String stash() {
        EventualResult<String> result = reactor.runInReactor(() -> EventualResult.of("stashed"));
        return result.stash();
    }

    /** Stashes a result whose work never completes (left for the application's stop to complete) and returns its id. */
    @GET
    @Path("stash-pending")
    public String stashPending() {
        EventualResult<String> result =
                reactor.runInReactor(() -> EventualResult.from(Uni.createFrom().nothing()));
        return result.stash();
    }

    /** "found" or "missing". */
    @GET
    @Path("retrieve")
    public String retrieve(@QueryParam("id") String id) {
        return store.retrieve(id).isPresent() ? "found" : "missing";
    }
}
