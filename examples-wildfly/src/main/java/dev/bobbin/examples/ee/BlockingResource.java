package dev.bobbin.examples.ee;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.bobbin.ReactorStoppedException;
import dev.bobbin.ReactorTimeoutException;

/** {@code GET /api/blocking?name=x&delayMs=n}: a plain blocking endpoint backed by {@code @WaitFor}. */
@Path("blocking")
public class BlockingResource {
    @Inject
    Greetings greetings;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response greet(
            @QueryParam("name") @DefaultValue("world") String name,
            @QueryParam("delayMs") @DefaultValue("0") long delayMs) {
        try {
            return Response.ok(greetings.greet(name, delayMs)).build();
        } catch (ReactorTimeoutException e) {
            return Response.status(Response.Status.GATEWAY_TIMEOUT)
                    .entity(e.getMessage())
                    .build();
        } catch (ReactorStoppedException e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(e.getMessage())
                    .build();
        }
    }
}
