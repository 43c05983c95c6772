package dev.bobbin.examples.quarkus.vertx;

import java.time.Duration;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.bobbin.vertx.VertxReactorLoop;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.vertx.core.Vertx;

/**
 * Gives Bobbin a Vert.x event-loop context as its reactor when {@code bobbin.reactor.loop=vertx}: Bobbin
 * looks up a {@link dev.bobbin.spi.ReactorLoop} bean when it starts. With any other value (the default is
 * {@code own}) the bean is invisible to that lookup and Bobbin runs its own {@code bobbin-reactor} thread.
 * On stop the verticle is undeployed (Quarkus dev mode keeps Vert.x across restarts).
 */
@Dependent
public class VertxLoopProducer {
    /** The configuration key; {@code vertx} selects the Vert.x loop. */
    public static final String LOOP = "bobbin.reactor.loop";

    @Produces
    @Singleton
    @Unremovable // Bobbin finds it by programmatic lookup, which ArC cannot see at build time
    @LookupIfProperty(name = LOOP, stringValue = "vertx")
    VertxReactorLoop vertxLoop(Vertx vertx) {
        return VertxReactorLoop.deploy(vertx, Duration.ofSeconds(10));
    }

    void undeploy(@Disposes VertxReactorLoop loop) {
        loop.close();
    }
}
