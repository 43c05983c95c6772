package dev.bobbin.examples.ee;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A tiny real-HTTP client for {@code @RunAsClient} tests; keeps cookies, so it carries an HTTP session.
 * <p>
 * HTTP/1.1 like a browser: the JDK client otherwise asks for an {@code h2c} upgrade, and Open Liberty ties an
 * upgraded connection to the web application it was upgraded in for as long as the connection stays open
 * (which kept undeployed class loaders reachable).
 */
final class Http {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;

    Http(URL base) {
        this.base =
                URI.create(base.toExternalForm().endsWith("/") ? base.toExternalForm() : base.toExternalForm() + "/");
    }

    /** GETs {@code path} (relative to the deployment's context root). */
    HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: GET " + request.uri(), e);
        }
    }

    /** Starts a GET of {@code path} and returns at once. */
    CompletableFuture<HttpResponse<String>> getAsync(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(90))
                .GET()
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The cookies the server set so far. */
    List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }
}
