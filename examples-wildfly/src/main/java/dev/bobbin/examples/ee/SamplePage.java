package dev.bobbin.examples.ee;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A slow local page to download, standing in for a remote server: waits {@code delayMs}, answers {@code status}. */
@Path("sample")
public class SamplePage {
    static final String TEXT = "the sample page";

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response page(
            @QueryParam("delayMs") @DefaultValue("0") long delayMs,
            @QueryParam("status") @DefaultValue("200") int status)
            throws InterruptedException {
        Thread.sleep(Math.max(0, Math.min(delayMs, 10_000)));
        return status == 200
                ? Response.ok(TEXT).build()
                : Response.status(status).entity("no page for you").build();
    }
}
