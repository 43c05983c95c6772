package dev.bobbin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.bobbin.EventualResult;
import dev.bobbin.ReactorTimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Bare results (made by the factories, outside any application) and argument rules. */
class EventualTest {
    private static final Duration LONG = Duration.ofSeconds(10);

    @Test
    void of_isCompleteWithTheValue() {
        Object value = new Object();
        EventualResult<Object> result = EventualResult.of(value);
        assertThat(result.isDone()).isTrue();
        assertThat(result.await(Duration.ZERO)).isSameAs(value);
        assertThat(result.originalFailure()).isEmpty();
        assertThat(EventualResult.of(null).await(LONG)).isNull();
    }

    @Test
    void failed_rethrowsTheSameInstance_andWrapsCheckedOnesOnce() {
        IllegalStateException unchecked = new IllegalStateException("x");
        assertThatThrownBy(() -> EventualResult.failed(unchecked).await(LONG)).isSameAs(unchecked);

        Exception checked = new Exception("checked");
        EventualResult<Object> result = EventualResult.failed(checked);
        Throwable first = catchThrowable(() -> result.await(LONG));
        assertThat(first).isExactlyInstanceOf(CompletionException.class).hasCauseReference(checked);
        assertThat(catchThrowable(() -> result.await(LONG))).isSameAs(first);
        assertThat(result.originalFailure()).containsSame(checked);
    }

    @Test
    void from_subscribesOnFirstUse_andAtMostOnce() {
        AtomicInteger subscriptions = new AtomicInteger();
        EventualResult<String> result =
                EventualResult.from(Uni.createFrom().item("x").onSubscription().invoke(subscriptions::incrementAndGet));
        assertThat(subscriptions).hasValue(0);
        assertThat(result.await(LONG)).isEqualTo("x");
        assertThat(result.await(LONG)).isEqualTo("x");
        result.toUni().await().atMost(LONG);
        assertThat(subscriptions).hasValue(1);
    }

    @Test
    void cancel_ofABareResult_beforeUse_neverSubscribes() {
        AtomicInteger subscriptions = new AtomicInteger();
        EventualResult<String> result =
                EventualResult.from(Uni.createFrom().item("x").onSubscription().invoke(subscriptions::incrementAndGet));
        result.cancel();
        assertThatThrownBy(() -> result.await(LONG))
                .isExactlyInstanceOf(CancellationException.class)
                .hasMessage("EventualResult.from(uni): cancelled");
        assertThat(subscriptions).hasValue(0);
    }

    @Test
    void from_aCompletionStage_followsIt_andCancelCancelsIt() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        EventualResult<String> result = EventualResult.from(stage);
        assertThat(result.isDone()).isFalse();
        result.cancel();
        assertThat(stage).isCancelled();
    }

    @Test
    void stash_ofABareResult_isRefused() {
        assertThatThrownBy(() -> EventualResult.of(1).stash())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("EventualResult#stash(): this result belongs to no application");
    }

    @Test
    void badArguments_areRefusedWithTheRule() {
        EventualResult<Integer> result = EventualResult.of(1);
        assertThatThrownBy(() -> result.await(null))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("EventualResult#await(timeout): timeout must not be null");
        assertThatThrownBy(() -> result.await(Duration.ofMillis(-1)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("EventualResult#await(timeout): timeout must not be negative, was PT-0.001S");
        assertThatThrownBy(() -> result.awaitOrCancel(null))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("EventualResult#awaitOrCancel(timeout): timeout must not be null");
        assertThatThrownBy(() -> EventualResult.failed(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("EventualResult.failed(failure): failure must not be null");
        assertThatThrownBy(() -> EventualResult.from((Uni<String>) null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("EventualResult.from(uni): uni must not be null");
    }

    @Test
    void hugeTimeouts_doNotOverflow() {
        assertThat(EventualResult.of(1).await(Duration.ofSeconds(Long.MAX_VALUE)))
                .isEqualTo(1);
        assertThat(Checks.waitNanos(Duration.ofSeconds(Long.MAX_VALUE), "x")).isEqualTo(Checks.FOREVER_NANOS);
        assertThat(MethodRules.timeoutNanos(Long.MAX_VALUE, java.time.temporal.ChronoUnit.DAYS))
                .isEqualTo(Checks.FOREVER_NANOS);
    }

    @Test
    void zero_polls() {
        EventualResult<String> pending = EventualResult.from(new CompletableFuture<>());
        assertThatThrownBy(() -> pending.await(Duration.ZERO))
                .isExactlyInstanceOf(ReactorTimeoutException.class)
                .hasMessage(
                        "EventualResult.from(stage): no result within PT0S; the work goes on, a later await may still get it");
    }

    @Test
    void interruptedWaiter_returnsAtOnce_withTheFlagKept() {
        EventualResult<String> pending = EventualResult.from(new CompletableFuture<>());
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> pending.await(LONG))
                    .isExactlyInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(pending.isDone()).as("await does not cancel").isFalse();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void await_onAThreadThatMustNotBlock_isRefused_evenIfTheResultIsReady() throws Exception {
        // Mutiny's hook is how Quarkus marks its event loops; this test marks one thread the same way.
        Infrastructure.setCanCallerThreadBeBlockedSupplier(
                () -> !Thread.currentThread().getName().equals("an-event-loop"));
        try {
            java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Thread eventLoop = new Thread(
                    () -> thrown.set(catchThrowable(() -> EventualResult.of(1).await(LONG))), "an-event-loop");
            eventLoop.start();
            eventLoop.join(10_000);
            assertThat(thrown.get())
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("EventualResult#await(): must not wait on thread 'an-event-loop', which must not block"
                            + " (an event loop); call it from a worker thread");
        } finally {
            Infrastructure.resetCanCallerThreadBeBlockedSupplier();
        }
    }

    @Test
    void manyThreadsAwaitingOneResult_allGetTheSameValue_andEachTimesOutOnItsOwn() throws Exception {
        CompletableFuture<Object> work = new CompletableFuture<>();
        EventualResult<Object> result = EventualResult.from(work);
        ExecutorService pool = Executors.newFixedThreadPool(7);
        try {
            List<Future<Object>> waiters = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                waiters.add(pool.submit(() -> result.await(LONG)));
            }
            // One waiter parks on the result itself, the others share the general path: a short wait among
            // them gives up alone.
            Future<Throwable> impatient = pool.submit(() -> catchThrowable(() -> result.await(Duration.ofMillis(50))));
            assertThat(impatient.get(10, TimeUnit.SECONDS))
                    .isExactlyInstanceOf(ReactorTimeoutException.class)
                    .hasMessageContaining("PT0.05S");
            assertThat(waiters).noneMatch(Future::isDone);

            Object value = new Object();
            work.complete(value);
            for (Future<Object> waiter : waiters) {
                assertThat(waiter.get(10, TimeUnit.SECONDS)).isSameAs(value);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
