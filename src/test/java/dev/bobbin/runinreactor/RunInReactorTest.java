package dev.bobbin.runinreactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import dev.bobbin.ReactorTimeoutException;
import dev.bobbin.ResultStore;
import dev.bobbin.testing.BobbinWeld;
import dev.bobbin.testing.CapturedLogs;
import io.smallrye.mutiny.Uni;

@EnableWeld
class RunInReactorTest {
    private static final Duration LONG = Duration.ofSeconds(10);

    @WeldSetup
    WeldInitiator weld = BobbinWeld.with(Jobs.class);

    @Inject
    Jobs jobs;

    @Inject
    ResultStore store;

    @Inject
    Reactor reactor;

    @Test
    void caller_getsAResultAtOnce_andTheBodyRunsOnTheReactor() {
        EventualResult<String> result = jobs.greet("ada");
        assertThat(result.await(LONG)).isEqualTo("hello ada from the reactor");
        assertThat(jobs.lastThread().getName()).startsWith("bobbin-reactor");
    }

    @Test
    void caller_doesNotWaitForTheBody() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventualResult<String> result = jobs.blockReactor(started, release);
        assertThat(result.isDone()).isFalse();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        assertThat(result.await(LONG)).isEqualTo("released");
    }

    @Test
    void eachCall_runsTheBodyAgain() {
        int before = jobs.runs();
        Uni<String> cold = Uni.createFrom().item("x");
        jobs.uni(cold).await(LONG);
        jobs.uni(cold).await(LONG);
        assertThat(jobs.runs()).isEqualTo(before + 2);
    }

    @Test
    void aThrowingBody_failsTheResult_notTheCallSite() {
        IllegalStateException failure = new IllegalStateException("bad");
        EventualResult<String> result = jobs.throwing(failure);
        assertThatThrownBy(() -> result.await(LONG)).isSameAs(failure);
        assertThat(result.originalFailure()).containsSame(failure);
    }

    @Test
    void checkedFailure_isWrappedOnce_sameWrapperForEveryAwait() {
        Exception failure = new Exception("checked");
        EventualResult<String> result = jobs.failing(failure);
        Throwable first = catchThrowable(() -> result.await(LONG));
        Throwable second = catchThrowable(() -> result.await(LONG));
        assertThat(first)
                .isInstanceOf(java.util.concurrent.CompletionException.class)
                .hasCauseReference(failure);
        assertThat(second).isSameAs(first);
        assertThat(result.originalFailure()).containsSame(failure);
    }

    @Test
    void aNullReturningBody_failsWithAMessageNamingTheMethod() {
        assertThatThrownBy(() -> jobs.returnsNull().await(LONG))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("Jobs#returnsNull(): a @RunInReactor method must not return null;"
                        + " return EventualResult.of(null) for no value");
    }

    @Test
    void fireAndForget_returnsNothing_andLogsItsFailure() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of("dev.bobbin")) {
            CountDownLatch done = new CountDownLatch(1);
            jobs.fireAndForget(done, new IllegalStateException("lost"));
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(LONG).until(() -> !logs.problems("fire-and-forget").isEmpty());
            assertThat(logs.problems("fire-and-forget").get(0).getMessage())
                    .isEqualTo(
                            "Jobs#fireAndForget(CountDownLatch, RuntimeException): fire-and-forget @RunInReactor call failed");
        }
    }

    @Test
    void await_timesOutWithoutCancelling_andALaterAwaitGetsTheValue() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        EventualResult<String> result = jobs.later(stage);
        assertThatThrownBy(() -> result.await(Duration.ofMillis(50)))
                .isExactlyInstanceOf(ReactorTimeoutException.class)
                .hasMessageContaining("the work goes on");
        assertThatThrownBy(() -> result.await(Duration.ZERO)).isExactlyInstanceOf(ReactorTimeoutException.class);
        stage.complete("late");
        assertThat(result.await(LONG)).isEqualTo("late");
    }

    @Test
    void awaitOrCancel_cancelsOnTimeout_onTheReactorThread() {
        AtomicBoolean subscribed = new AtomicBoolean();
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<Thread> on = new AtomicReference<>();
        EventualResult<String> result = jobs.cancellable(subscribed, cancelled, on);
        await().atMost(LONG).untilTrue(subscribed);
        assertThatThrownBy(() -> result.awaitOrCancel(Duration.ofMillis(50)))
                .isExactlyInstanceOf(ReactorTimeoutException.class)
                .hasMessageContaining("the work was cancelled");
        await().atMost(LONG).untilTrue(cancelled);
        assertThat(on.get().getName()).startsWith("bobbin-reactor");
        assertThatThrownBy(() -> result.await(LONG)).isExactlyInstanceOf(CancellationException.class);
    }

    @Test
    void cancel_beforeTheBodyStarted_skipsTheBody() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventualResult<String> blocker = jobs.blockReactor(started, release);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        int before = jobs.runs();
        EventualResult<String> queued = jobs.uni(Uni.createFrom().item("never"));
        queued.cancel();
        queued.cancel(); // idempotent
        release.countDown();
        blocker.await(LONG);
        assertThat(reactor.waitFor(LONG, () -> jobs.runs())).as("skipped").isEqualTo(before);
        assertThat(queued.isDone()).isTrue();
        assertThatThrownBy(() -> queued.await(LONG))
                .isExactlyInstanceOf(CancellationException.class)
                .hasMessage("Jobs#uni(Uni): cancelled");
    }

    @Test
    void cancel_completesAtOnce_evenIfTheUpstreamIgnoresIt() {
        CompletableFuture<String> ignoresCancellation = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                return false;
            }
        };
        EventualResult<String> result = jobs.later(ignoresCancellation);
        result.cancel();
        assertThat(result.isDone()).isTrue();
        ignoresCancellation.complete("too late");
        assertThatThrownBy(() -> result.await(LONG)).isExactlyInstanceOf(CancellationException.class);
    }

    @Test
    void cancel_ofACompletedResult_changesNothing() {
        EventualResult<String> result = jobs.greet("x");
        String value = result.await(LONG);
        result.cancel();
        assertThat(result.await(LONG)).isSameAs(value);
        assertThat(result.originalFailure()).isEmpty();
    }

    @Test
    void aResultReturnedByAnotherCall_isFollowed() {
        assertThat(jobs.chained("bob").await(LONG)).isEqualTo("hello bob from the reactor");
    }

    @Test
    void stash_thenRetrieve_givesTheSameInstanceOnce() {
        EventualResult<String> result = jobs.greet("stashed");
        String id = result.stash();
        assertThat(id).matches("[A-Za-z0-9_-]{22}");
        assertThat(store.retrieve(id)).containsSame(result);
        assertThat(store.retrieve(id)).isEmpty();
        assertThat(store.retrieve("unknown")).isEmpty();
        assertThat(store.retrieve("")).isEmpty();
        assertThatThrownBy(() -> store.retrieve(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("ResultStore#retrieve(id): id must not be null");
    }

    @Test
    void everyStash_returnsANewId() {
        EventualResult<String> result = jobs.greet("twice");
        String first = result.stash();
        String second = result.stash();
        assertThat(first).isNotEqualTo(second);
        assertThat(store.retrieve(second)).containsSame(result);
        assertThat(store.retrieve(first)).containsSame(result);
    }

    @Test
    void interop_neverRunsTheWorkAgain() throws Exception {
        int before = jobs.runs();
        EventualResult<String> result = jobs.uni(Uni.createFrom().item("once"));
        assertThat(result.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isEqualTo("once");
        assertThat(result.toUni().await().atMost(LONG)).isEqualTo("once");
        assertThat(result.toUni().await().atMost(LONG)).isEqualTo("once");
        assertThat(jobs.runs()).isEqualTo(before + 1);
    }

    @Test
    void programmaticRunInReactor_behavesLikeTheAnnotation() {
        EventualResult<String> result = reactor.runInReactor(
                () -> EventualResult.of(reactor.isReactorThread() ? "on the reactor" : "elsewhere"));
        assertThat(result.await(LONG)).isEqualTo("on the reactor");
    }

    @Test
    void programmaticWaitFor_refusesAsyncBodies_andTakesUnis() {
        assertThatThrownBy(() -> reactor.waitFor(LONG, () -> Uni.createFrom().item(1)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Reactor#waitFor(timeout, body): the body returned io.smallrye.mutiny");
        assertThat(reactor.waitForUni(LONG, () -> Uni.createFrom().item(7))).isEqualTo(7);
        assertThatThrownBy(() -> reactor.waitFor(Duration.ZERO, () -> 1))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("Reactor#waitFor(timeout, body): timeout must be > 0, was PT0S");
    }
}
