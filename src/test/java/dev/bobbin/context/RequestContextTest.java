package dev.bobbin.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.bobbin.Reactor;
import dev.bobbin.testing.BobbinWeld;

@EnableWeld
class RequestContextTest {
    @WeldSetup
    WeldInitiator weld = BobbinWeld.with(Contextual.class, Visit.class, Caller.class);

    @Inject
    Contextual contextual;

    @Inject
    Caller caller;

    @Inject
    Reactor reactor;

    @Test
    void everyTask_getsAFreshRequestContext_whichIsDestroyedAfterwards() {
        int destroyedBefore = Visit.DESTROYED.get();
        int first = contextual.visitNumber();
        int second = contextual.visitNumber();
        int third = contextual.visitNumberLater().await(Duration.ofSeconds(10));
        assertThat(first).isNotEqualTo(second);
        assertThat(third).isNotEqualTo(second).isNotEqualTo(first);
        // each context ends right after its task, which may be a moment after the caller got its value
        await().atMost(Duration.ofSeconds(10)).until(() -> Visit.DESTROYED.get() - destroyedBefore == 3);
    }

    @Test
    void tasksThatTouchNoRequestScopedBean_changeNothing_theNextOneStillGetsAFreshContext() {
        int destroyedBefore = Visit.DESTROYED.get();
        int first = contextual.visitNumber();
        await().atMost(Duration.ofSeconds(10)).until(() -> Visit.DESTROYED.get() - destroyedBefore == 1);
        for (int i = 0; i < 3; i++) {
            assertThat(contextual.contextClassLoader()).isNotNull(); // no request-scoped bean in these tasks
        }
        int second = contextual.visitNumber();
        assertThat(second).isNotEqualTo(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> Visit.DESTROYED.get() - destroyedBefore == 2);
    }

    @Test
    void theCallersRequestContext_isNotShared() {
        assertThat(caller.callerAndReactorVisits())
                .satisfies(pair -> assertThat(pair[0]).isNotEqualTo(pair[1]));
    }

    @Test
    void reactorTasks_carryTheApplicationsClassLoader() {
        assertThat(contextual.contextClassLoader())
                .isSameAs(Thread.currentThread().getContextClassLoader());
    }

    @Test
    void executorTasks_runInARequestContextToo() {
        Visit visitProxy = weld.select(Visit.class).get();
        int number = reactor.waitFor(Duration.ofSeconds(10), visitProxy::number);
        assertThat(number).isPositive();
    }

    /** Holds its own request context and calls the reactor from inside it. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class Caller {
        @Inject
        Visit visit;

        @Inject
        Contextual contextual;

        @ActivateRequestContext
        public int[] callerAndReactorVisits() {
            return new int[] {visit.number(), contextual.visitNumber()};
        }
    }
}
