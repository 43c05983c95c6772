package dev.bobbin;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * The application's reactor: one thread (or one loop the application brought, see
 * {@link dev.bobbin.spi.ReactorLoop}) on which every Bobbin task runs, one task at a time. An
 * {@code @ApplicationScoped} bean; inject it.
 * <p>
 * Besides {@link #isReactorThread()} and {@link #executor()} (for Mutiny's {@code emitOn} /
 * {@code runSubscriptionOn}), it offers the programmatic equivalents of {@link WaitFor} and
 * {@link RunInReactor}, with the same semantics, for code that is not a CDI bean method.
 */
public interface Reactor {

    /**
     * Tells whether the calling thread is this application's reactor thread.
     *
     * @return {@code true} on the reactor thread
     */
    boolean isReactorThread();

    /**
     * Tells whether the reactor accepts work: started (or startable on first use) and not stopping.
     *
     * @return {@code false} once the application began to stop
     */
    boolean isRunning();

    /**
     * An executor that runs tasks on the reactor thread, in submission order, each with a fresh request
     * context. A task that throws is logged; it never kills the reactor.
     *
     * @return the reactor's executor; its {@code execute} throws {@link ReactorStoppedException} once the
     *     application stopped, and {@link NullPointerException} for a {@code null} task
     */
    Executor executor();

    /**
     * Runs {@code body} on the reactor thread and blocks until it returns: {@link WaitFor} for a plain
     * value.
     *
     * @param timeout how long to wait; must be positive
     * @param body the work; must not be {@code null}; must not return a {@code Uni},
     *     {@code CompletionStage} or {@code Future} (use {@link #waitForUni})
     * @param <T> the type of the value
     * @return what {@code body} returned
     * @throws ReactorTimeoutException when {@code timeout} passed (the work is then cancelled)
     * @throws IllegalStateException on a reactor thread or a thread that must not block
     * @throws IllegalArgumentException for a {@code null}, zero or negative {@code timeout}, or a
     *     {@code body} that returned asynchronous work
     * @throws ReactorStoppedException when the application has stopped
     */
    <T> T waitFor(Duration timeout, Supplier<? extends T> body);

    /**
     * Subscribes on the reactor thread to the {@code Uni} that {@code body} returns and blocks until its
     * item arrives: {@link WaitFor} with {@link WaitFor.Result#from(Uni)}.
     *
     * @param timeout how long to wait; must be positive
     * @param body makes the work; must not be {@code null} nor return {@code null}
     * @param <T> the type of the item
     * @return the item
     * @throws ReactorTimeoutException when {@code timeout} passed (the subscription is then cancelled)
     * @see #waitFor(Duration, Supplier)
     */
    <T> T waitForUni(Duration timeout, Supplier<Uni<T>> body);

    /**
     * Runs {@code body} on the reactor thread and returns at once a result that follows what the body
     * returns: {@link RunInReactor}. For example
     * {@code reactor.runInReactor(() -> EventualResult.from(client.fetch()))}.
     *
     * @param body the work; must not be {@code null}; must not return {@code null}
     * @param <T> the type of the value
     * @return the caller's result
     * @throws ReactorStoppedException when the application has stopped
     */
    <T> EventualResult<T> runInReactor(Supplier<? extends EventualResult<T>> body);

    /**
     * Takes a snapshot of the reactor's counters (tasks, failures, timeouts, cancellations) and gauges
     * (queue depth, pending results, store size). Never blocks; works before start and after stop.
     *
     * @return the counters now
     */
    ReactorMetrics metrics();
}
