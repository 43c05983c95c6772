package dev.bobbin.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bobbin.EventualResult;
import dev.bobbin.RunInReactor;

/** Crochet's background download: start it now, fetch the result on a later request by its id. */
@ApplicationScoped
public class Downloads {
    private final HttpClient client = HttpClient.newHttpClient();

    @RunInReactor
    public EventualResult<Integer> download(URI uri) {
        return EventualResult.from(
                client.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray())
                        .thenApply(response -> response.body().length));
    }
}
