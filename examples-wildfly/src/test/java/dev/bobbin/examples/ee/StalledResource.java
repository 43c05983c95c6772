package dev.bobbin.examples.ee;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Test-only: {@code GET /api/test/stalled} blocks in {@link Stalled#forever()} and tells the probe's
 * {@link Journal} when it starts waiting and how it woke (the deployment may be gone by the time the HTTP
 * answer would leave).
 */
@Path("test/stalled")
public class StalledResource {
    static final String WAITING = "stalled: waiting";
    static final String WOKE = "stalled: woke with ";

    @Inject
    Stalled stalled;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response stall() {
        JournalClient.note(WAITING);
        try {
            stalled.forever();
            JournalClient.note("stalled: returned");
            return Response.ok("returned").build();
        } catch (RuntimeException e) {
            JournalClient.note(WOKE + e.getClass().getName() + " at " + System.currentTimeMillis());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(e.toString())
                    .build();
        }
    }
}
