package dev.bobbin.examples.quarkus;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The application with {@code bobbin.reactor.loop=vertx}. */
public class VertxLoopProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("bobbin.reactor.loop", "vertx");
    }
}
