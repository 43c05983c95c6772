package dev.bobbin.demo;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import dev.bobbin.EventualResult;
import dev.bobbin.ReactorTimeoutException;
import dev.bobbin.ResultStore;
import dev.bobbin.cdi.BobbinExtension;

/**
 * The README's first command: Crochet's examples done with Bobbin, in a real Weld SE container, against
 * an HTTP server of its own on 127.0.0.1 (offline).
 */
public final class Demo {
    /** Held, so the quieter level is not lost with a collected logger. */
    private static final Logger WELD_LOG = Logger.getLogger("org.jboss.weld");

    private Demo() {}

    public static void main(String[] args) throws Exception {
        WELD_LOG.setLevel(Level.WARNING);
        Weld weld = new Weld("bobbin-demo")
                .disableDiscovery()
                .addExtension(new BobbinExtension())
                .addBeanClasses(Quotes.class, ExchangeRates.class, Downloads.class);
        try (QuoteServer server = new QuoteServer();
                WeldContainer container = weld.initialize()) {
            say("Bobbin demo: blocking code calling into reactive code on one reactor thread");

            say("\n1. A blocking facade over an asynchronous HTTP client (@WaitFor)");
            Quotes quotes = container.select(Quotes.class).get();
            quotes.warmUp(server.uri("/quote"));
            say("   quote: " + quotes.fetch(server.uri("/quote")));
            long start = System.nanoTime();
            try {
                quotes.fetch(server.uri("/slow"));
            } catch (ReactorTimeoutException e) {
                say("   slow quote: " + e.getMessage());
                say("   after " + Duration.ofNanos(System.nanoTime() - start).toMillis()
                        + " ms; the HTTP call was cancelled: " + quotes.lastCallCancelled(Duration.ofSeconds(2)));
            }

            say("\n2. Background work on the reactor, read by blocking code (Crochet's exchange rates)");
            ExchangeRates rates = container.select(ExchangeRates.class).get();
            rates.start();
            for (int i = 0; i < 3; i++) {
                double next = rates.nextUpdate().await(Duration.ofSeconds(2));
                say("   update " + (i + 1) + ": EURUSD " + next + ", latest read from a worker: "
                        + rates.latest("EURUSD"));
            }
            rates.stop();

            say("\n3. A background download, stashed now and retrieved on a later request (stash/retrieve)");
            Downloads downloads = container.select(Downloads.class).get();
            EventualResult<Integer> download = downloads.download(server.uri("/report.csv"));
            String id = download.stash();
            say("   request 1: started the download, stashed as " + id + " (kept in the user's session)");
            ResultStore store = container.select(ResultStore.class).get();
            Optional<EventualResult<?>> later = store.retrieve(id);
            Object bytes = later.orElseThrow().await(Duration.ofSeconds(5));
            say("   request 2: retrieved " + id + ": " + bytes + " bytes downloaded");
            say("   request 3: retrieving " + id + " again: "
                    + (store.retrieve(id).isPresent() ? "found" : "gone (one-time ids)"));
        }
        say("\nDone: the container stopped its reactor; every waiter would have been woken.");
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
