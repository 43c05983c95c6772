package dev.bobbin.examples.quarkus;

import java.time.Duration;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

/**
 * A stand-in for a remote price service, served by this application itself so the example needs no
 * network: answers on the event loop, after an optional delay.
 */
@Path("/stub/prices")
public class QuoteStub {

    /**
     * @param symbol the ticker
     * @param delayMillis how long to wait before answering
     * @return a made-up price
     */
    @GET
    @Path("/{symbol}")
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<String> price(
            @PathParam("symbol") String symbol, @QueryParam("delayMs") @DefaultValue("0") long delayMillis) {
        String price =
                String.format("%d.%02d", 10 + Math.abs(symbol.hashCode() % 90), Math.abs(symbol.hashCode() % 100));
        Uni<String> answer = Uni.createFrom().item(price);
        return delayMillis > 0 ? answer.onItem().delayIt().by(Duration.ofMillis(delayMillis)) : answer;
    }
}
