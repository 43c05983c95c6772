package dev.bobbin.examples.quarkus;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.bobbin.WaitFor;

/**
 * A blocking facade over the reactive {@link PriceClient}: each method runs on the reactor and blocks its
 * caller until the price arrives. Crochet's {@code @wait_for}, the CDI way.
 */
@ApplicationScoped
public class QuoteService {
    private final PriceClient prices;
    private final AtomicInteger cancelled = new AtomicInteger();

    @Inject
    QuoteService(PriceClient prices) {
        this.prices = prices;
    }

    /**
     * Fetches a quote; the caller waits at most two seconds.
     *
     * @param symbol the ticker
     * @return the quote, with the reactor thread that subscribed to the request
     */
    @WaitFor(timeout = 2)
    public Quote quote(String symbol) {
        String reactorThread = Thread.currentThread().getName();
        return WaitFor.Result.from(
                prices.price(symbol, 0).onItem().transform(price -> new Quote(symbol, price, reactorThread, null)));
    }

    /**
     * Fetches a quote from a service that takes {@code delayMillis}; the caller waits at most 500 ms, then
     * gets {@link dev.bobbin.ReactorTimeoutException} and the request is cancelled.
     *
     * @param symbol the ticker
     * @param delayMillis how long the service takes
     * @return the quote
     */
    @WaitFor(timeout = 500, unit = ChronoUnit.MILLIS)
    public Quote slowQuote(String symbol, long delayMillis) {
        String reactorThread = Thread.currentThread().getName();
        return WaitFor.Result.from(prices.price(symbol, delayMillis)
                .onCancellation()
                .invoke(cancelled::incrementAndGet)
                .onItem()
                .transform(price -> new Quote(symbol, price, reactorThread, null)));
    }

    /** @return how many requests were cancelled because their caller stopped waiting */
    public int cancelledRequests() {
        return cancelled.get();
    }
}
