package dev.bobbin.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import dev.bobbin.ResultStore;
import io.quarkus.test.junit.QuarkusTest;

/** The library as Quarkus sees it through the build-compatible extension: each bean once, started. */
@QuarkusTest
class BobbinInQuarkusTest {
    @Inject
    BeanManager beans;

    @Inject
    Reactor reactor;

    @Inject
    QuoteService quotes;

    @Inject
    RequestScopedProbe requestScoped;

    @Inject
    FireAndForget fireAndForget;

    @Test
    void everyBobbinBean_existsOnce() {
        assertThat(beans.getBeans(Reactor.class)).hasSize(1);
        assertThat(beans.getBeans(ResultStore.class)).hasSize(1);
        Set<Bean<?>> all = beans.getBeans(Object.class, Any.Literal.INSTANCE);
        List<String> bobbinClasses = all.stream()
                .map(bean -> bean.getBeanClass().getName())
                .filter(name -> name.startsWith("dev.bobbin.") && !name.startsWith("dev.bobbin.examples."))
                .toList();
        assertThat(bobbinClasses).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    void reactor_isStartedAtStartup_onItsOwnThread() {
        assertThat(reactor.isRunning()).isTrue();
        Probe.eventually().until(() -> Probe.diagnostics().reactorThreads().size() == 1);
        assertThat(Probe.diagnostics().reactorThreads().get(0)).startsWith("bobbin-reactor");
    }

    @Test
    void everyTask_runsInAFreshRequestContext() {
        String first = reactor.waitFor(Duration.ofSeconds(5), () -> requestScoped.id());
        String second = reactor.waitFor(Duration.ofSeconds(5), () -> requestScoped.id());

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void waitingOnTheReactor_isRefused() {
        EventualResult<String> nested = reactor.runInReactor(
                () -> EventualResult.of(quotes.quote("ACME").price()));

        assertThatThrownBy(() -> nested.await(Duration.ofSeconds(5)))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("QuoteService#quote(String): must not wait on a reactor thread");
    }

    @Test
    void fireAndForgetFailure_isLoggedThroughQuarkusLogging() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger bobbin = Logger.getLogger("dev.bobbin");
        bobbin.addHandler(capture);
        try {
            fireAndForget.explode();

            Probe.eventually().until(() -> records.stream()
                    .anyMatch(r ->
                            "FireAndForget#explode(): fire-and-forget @RunInReactor call failed".equals(r.getMessage())
                                    && r.getThrown() instanceof IllegalStateException));
        } finally {
            bobbin.removeHandler(capture);
        }
    }

    @Test
    void interceptor_runsTheBodyOnTheReactor() {
        Quote quote = quotes.quote("ACME");

        assertThat(quote.reactorThread()).startsWith("bobbin-reactor");
        assertThat(reactor.isReactorThread()).isFalse();
    }
}
