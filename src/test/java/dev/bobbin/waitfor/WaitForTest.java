package dev.bobbin.waitfor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.bobbin.Reactor;
import dev.bobbin.ReactorTimeoutException;
import dev.bobbin.WaitFor;
import dev.bobbin.testing.BobbinWeld;
import dev.bobbin.testing.CapturedLogs;
import io.smallrye.mutiny.Uni;

@EnableWeld
class WaitForTest {
    @WeldSetup
    WeldInitiator weld = BobbinWeld.with(Blocking.class, Inner.class);

    @Inject
    Blocking blocking;

    @Inject
    Reactor reactor;

    @Test
    void body_runsOnTheReactorThread_withTheCallersArguments() {
        assertThat(blocking.hello("ada")).isEqualTo("hello ada from the reactor");
        assertThat(blocking.lastThread()).isNotSameAs(Thread.currentThread());
        assertThat(blocking.lastThread().getName()).startsWith("bobbin-reactor");
        assertThat(blocking.lastThread().isDaemon()).isTrue();
    }

    @Test
    void handedOverUni_isAwaitedForTheCaller() {
        assertThat(blocking.delayedAnswer()).isEqualTo(42);
    }

    @Test
    void handedOverCompletionStage_isAwaitedForTheCaller() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        reactor.executor().execute(() -> stage.complete("staged"));
        assertThat(blocking.fromStage(stage)).isEqualTo("staged");
    }

    @Test
    void uncheckedFailure_reachesTheCallerAsTheSameInstance() {
        IllegalArgumentException failure = new IllegalArgumentException("boom");
        assertThatThrownBy(() -> blocking.fails(failure)).isSameAs(failure);
    }

    @Test
    void declaredCheckedFailure_reachesTheCallerAsTheSameInstance() {
        IOException failure = new IOException("disk");
        assertThatThrownBy(() -> blocking.failsDeclared(failure)).isSameAs(failure);
    }

    @Test
    void undeclaredCheckedFailure_arrivesWrappedInCompletionException() {
        Exception failure = new Exception("checked");
        assertThatThrownBy(() -> blocking.failsUndeclared(failure))
                .isExactlyInstanceOf(CompletionException.class)
                .hasCauseReference(failure);
    }

    @Test
    void error_reachesTheCaller_andTheReactorSurvives() {
        StackOverflowError error = new StackOverflowError("simulated");
        assertThatThrownBy(() -> blocking.failsWithError(error)).isSameAs(error);
        assertThat(blocking.item("still alive")).isEqualTo("still alive");
    }

    @Test
    void timeout_throwsNamingTheMethod_andCancelsTheWorkOnTheReactorThread() {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<Thread> cancelledOn = new AtomicReference<>();
        try (CapturedLogs logs = CapturedLogs.of("dev.bobbin")) {
            assertThatThrownBy(() -> blocking.never(cancelled, cancelledOn))
                    .isExactlyInstanceOf(ReactorTimeoutException.class)
                    .hasMessage("Blocking#never(AtomicBoolean, AtomicReference): no result within 300 ms;"
                            + " the work was cancelled");
            await().atMost(Duration.ofSeconds(5)).untilTrue(cancelled);
            assertThat(cancelledOn.get().getName()).startsWith("bobbin-reactor");
            assertThat(logs.problems())
                    .as("our own cancellation is not an error")
                    .isEmpty();
        }
    }

    @Test
    void callingOnTheReactorThread_failsAtOnce_insteadOfDeadlocking() {
        assertThatThrownBy(() -> blocking.nested())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("Inner#hello(String): must not wait on a reactor thread, it would wait for itself;"
                        + " return EventualResult.from(...) from a @RunInReactor method, or chain the Uni instead");
    }

    @Test
    void interruptedCaller_returnsPromptly_keepsItsFlag_andTheWorkIsCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicBoolean flagKept = new AtomicBoolean();
            Future<?> call = caller.submit(() -> {
                try {
                    blocking.blockReactor(started, release);
                } catch (Throwable t) {
                    thrown.set(t);
                    flagKept.set(Thread.currentThread().isInterrupted());
                }
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            call.cancel(true); // interrupts the caller
            await().atMost(Duration.ofSeconds(5)).until(() -> thrown.get() != null);
            assertThat(thrown.get())
                    .isExactlyInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(InterruptedException.class)
                    .hasMessageContaining("interrupted while waiting; the work was cancelled");
            assertThat(flagKept).isTrue();
        } finally {
            release.countDown();
            caller.shutdownNow();
        }
        assertThat(blocking.item("after")).isEqualTo("after");
    }

    @Test
    void resultFrom_outsideAWaitForBody_isRefused() {
        assertThatThrownBy(() -> WaitFor.Result.from(Uni.createFrom().item(1)))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("WaitFor.Result.from(uni): only the body of a @WaitFor method may call it");
    }

    @Test
    void resultFrom_twiceInOneCall_isRefused() {
        assertThatThrownBy(() -> blocking.handsOverTwice())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("WaitFor.Result.from(...): called twice in one @WaitFor call");
    }

    @Test
    void aBlockedReactor_timesCallersOut_andRecoversWhenTheTaskReturns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<String> blocker = other.submit(() -> blocking.blockReactor(started, release));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> blocking.never(new AtomicBoolean(), new AtomicReference<>()))
                    .isExactlyInstanceOf(ReactorTimeoutException.class);
            release.countDown();
            assertThat(blocker.get(10, TimeUnit.SECONDS)).isEqualTo("released");
            assertThat(blocking.item("recovered")).isEqualTo("recovered");
        } finally {
            release.countDown();
            other.shutdownNow();
        }
    }
}
