package dev.bobbin.byo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import dev.bobbin.ReactorStoppedException;
import dev.bobbin.context.Visit;
import dev.bobbin.testing.BobbinWeld;
import dev.bobbin.testing.Threads;

class BringYourOwnLoopTest {

    @Test
    void everyTaskRunsOnTheApplicationsLoop_withTheSameSemantics() throws Exception {
        EventualResult<String> pending;
        try (WeldContainer container =
                BobbinWeld.weld(AppLoop.class, OnAppLoop.class).initialize()) {
            OnAppLoop bean = container.select(OnAppLoop.class).get();
            assertThat(bean.threadName()).isEqualTo("app-loop");
            assertThat(Threads.bobbinThreads()).noneMatch(t -> t.getName().startsWith("bobbin-reactor"));

            Reactor reactor = container.select(Reactor.class).get();
            assertThat(reactor.isReactorThread()).isFalse();
            assertThat(reactor.waitFor(Duration.ofSeconds(10), reactor::isReactorThread))
                    .isTrue();

            assertThatThrownBy(bean::awaitInside)
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("EventualResult#await(): must not wait on a reactor thread");
            pending = bean.never();
        }
        assertThatThrownBy(() -> pending.await(Duration.ofSeconds(10)))
                .isExactlyInstanceOf(ReactorStoppedException.class);
        assertThat(AppLoop.LOOP.isShutdown())
                .as("the application's loop is the application's")
                .isFalse();
        assertThat(AppLoop.LOOP.submit(() -> "still mine").get()).isEqualTo("still mine");
        assertThat(Threads.bobbinThreads()).isEmpty();
    }

    @Test
    void onTheApplicationsLoop_everyTaskGetsAFreshRequestContext_andNoneStaysActiveOnTheLoop() throws Exception {
        try (WeldContainer container = BobbinWeld.weld(AppLoop.class, VisitsOnAppLoop.class, Visit.class)
                .initialize()) {
            VisitsOnAppLoop bean = container.select(VisitsOnAppLoop.class).get();
            int first = bean.visitNumber();
            int second = bean.visitNumber();
            assertThat(second).isNotEqualTo(first);

            BeanManager beanManager = container.getBeanManager();
            assertThat(AppLoop.LOOP
                            .submit(() -> requestContextActive(beanManager))
                            .get(10, TimeUnit.SECONDS))
                    .as("the loop is the application's: Bobbin leaves no request context active on it")
                    .isFalse();
        }
    }

    private static boolean requestContextActive(BeanManager beanManager) {
        try {
            return beanManager.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }
}
