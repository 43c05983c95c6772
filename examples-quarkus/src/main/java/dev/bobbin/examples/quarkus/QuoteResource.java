package dev.bobbin.examples.quarkus;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.smallrye.common.annotation.NonBlocking;

/**
 * Blocking endpoints (Quarkus runs them on worker threads) that call reactive code through the
 * {@code @WaitFor} facade.
 */
@Path("/quotes")
public class QuoteResource {
    @Inject
    QuoteService quotes;

    /**
     * @param symbol the ticker
     * @return the quote; 504 when the price service does not answer in time
     */
    @GET
    @Path("/{symbol}")
    public Quote quote(@PathParam("symbol") String symbol) {
        return quotes.quote(symbol).calledFrom(Thread.currentThread());
    }

    /**
     * @param symbol the ticker
     * @param delayMillis how long the price service takes (the facade waits 500 ms)
     * @return the quote, or 504 with the reason when it took too long (the request is then cancelled)
     */
    @GET
    @Path("/{symbol}/slow")
    public Quote slowQuote(
            @PathParam("symbol") String symbol, @QueryParam("delayMs") @DefaultValue("1000") long delayMillis) {
        return quotes.slowQuote(symbol, delayMillis).calledFrom(Thread.currentThread());
    }

    /**
     * The mistake Bobbin refuses: waiting on the event loop. Always fails with 500 and the reason.
     *
     * @param symbol the ticker
     * @return never
     */
    @GET
    @Path("/{symbol}/on-event-loop")
    @NonBlocking
    public Quote quoteOnEventLoop(@PathParam("symbol") String symbol) {
        return quotes.quote(symbol).calledFrom(Thread.currentThread());
    }

    @ServerExceptionMapper
    Response refused(IllegalStateException e) {
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, e);
    }
}
