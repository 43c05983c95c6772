package dev.bobbin.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bobbin.WaitFor;

/** Crochet's blocking facade: asynchronous HTTP underneath, a plain method on top. */
@ApplicationScoped
public class Quotes {
    private final HttpClient client = HttpClient.newHttpClient();
    private volatile CompletableFuture<String> lastCall;

    @WaitFor(timeout = 2, unit = ChronoUnit.SECONDS)
    public String fetch(URI uri) {
        CompletableFuture<String> call = client.sendAsync(
                        HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(HttpResponse::body);
        lastCall = call;
        return WaitFor.Result.from(call);
    }

    /** Opens the client's connection pool and threads before the demo starts (not through Bobbin). */
    public void warmUp(URI uri) throws IOException, InterruptedException {
        client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
    }

    /**
     * Whether the last HTTP call ends cancelled (it does when its caller timed out: Bobbin cancels it on
     * the reactor thread right after the caller's timeout).
     */
    public boolean lastCallCancelled(Duration within) {
        try {
            lastCall.get(within.toMillis(), TimeUnit.MILLISECONDS);
            return false;
        } catch (CancellationException e) {
            return true;
        } catch (ExecutionException e) {
            // the JDK client cancels the exchange itself and reports "Request cancelled"
            return e.getCause() instanceof CancellationException;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
