package dev.bobbin.examples.quarkus;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/** The reactive code Bobbin bridges to: the Mutiny Vert.x web client calling the price service. */
@ApplicationScoped
public class PriceClient {
    private final WebClient client;
    private final String baseUri;

    @Inject
    PriceClient(Vertx vertx, @ConfigProperty(name = "prices.uri") String baseUri) {
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(false));
        this.baseUri = baseUri;
    }

    /**
     * Fetches a price; nothing happens until the {@code Uni} is subscribed.
     *
     * @param symbol the ticker
     * @param delayMillis how long the service should take
     * @return the price
     */
    public Uni<String> price(String symbol, long delayMillis) {
        return client.getAbs(baseUri + "/" + symbol)
                .addQueryParam("delayMs", Long.toString(delayMillis))
                .send()
                .onItem()
                .transform(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("price service answered " + response.statusCode());
                    }
                    return response.bodyAsString();
                });
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
