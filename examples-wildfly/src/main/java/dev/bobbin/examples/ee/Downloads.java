package dev.bobbin.examples.ee;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

import dev.bobbin.EventualResult;
import dev.bobbin.RunInReactor;
import io.smallrye.mutiny.Uni;

/**
 * Crochet's {@code download_page}: starts a download and returns at once with an {@link EventualResult}.
 * <p>
 * The body runs on the reactor thread; the blocking HTTP read itself is moved to the server's
 * {@link ManagedExecutorService}, so the reactor thread is never held up by I/O.
 */
@ApplicationScoped
public class Downloads {
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService io;

    /**
     * Downloads {@code uri} as text.
     *
     * @param uri an {@code http:} address
     * @return the page, or a {@link DownloadFailedException} for a status other than 200
     */
    @RunInReactor
    public EventualResult<String> download(URI uri) {
        return EventualResult.from(Uni.createFrom().item(() -> fetch(uri)).runSubscriptionOn(io));
    }

    static String fetch(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                connection.disconnect();
                throw new DownloadFailedException("GET " + uri + ": HTTP " + status);
            }
            try (InputStream body = connection.getInputStream()) {
                return new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri, e);
        }
    }

    /** The server answered, but not with the page. */
    public static class DownloadFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DownloadFailedException(String message) {
            super(message);
        }
    }
}
