package dev.bobbin.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.bobbin.testing.BobbinWeld;

/**
 * When the application observes the request context's lifecycle, Bobbin uses the portable controller,
 * which fires those events: every task still gets a fresh context, and the observer sees it begin and end
 * on the reactor thread (the cheaper Weld paths, which fire none, are chosen only when nobody observes).
 */
@EnableWeld
class ObservedRequestContextTest {
    @WeldSetup
    WeldInitiator weld = BobbinWeld.with(Contextual.class, Visit.class, Lifecycle.class);

    @Inject
    Contextual contextual;

    @Inject
    Lifecycle lifecycle;

    @Test
    void observersSeeOneRequestContextPerTask_onTheReactorThread() {
        int first = contextual.visitNumber();
        int second = contextual.visitNumber();
        assertThat(first).isNotEqualTo(second);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(lifecycle.initialized()).hasSize(2).allMatch(name -> name.startsWith("bobbin-reactor"));
            assertThat(lifecycle.destroyed()).hasSize(2).allMatch(name -> name.startsWith("bobbin-reactor"));
        });
    }

    /** Observes the request context's lifecycle, only on reactor threads (the test thread has its own). */
    @ApplicationScoped
    public static class Lifecycle {
        private final List<String> initialized = new CopyOnWriteArrayList<>();
        private final List<String> destroyed = new CopyOnWriteArrayList<>();

        public List<String> initialized() {
            return initialized;
        }

        public List<String> destroyed() {
            return destroyed;
        }

        void begun(@Observes @Initialized(RequestScoped.class) Object event) {
            record(initialized);
        }

        void ended(@Observes @Destroyed(RequestScoped.class) Object event) {
            record(destroyed);
        }

        private static void record(List<String> events) {
            String thread = Thread.currentThread().getName();
            if (thread.startsWith("bobbin-reactor")) {
                events.add(thread);
            }
        }
    }
}
