package dev.bobbin;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import dev.bobbin.core.Eventual;
import io.smallrye.mutiny.Uni;

/**
 * The result of work running on the reactor thread, available later: Crochet's {@code EventualResult}.
 * <p>
 * A result completes exactly once, with a value, a failure, a cancellation or the reactor's stop; every
 * observer on every thread then sees that one outcome (the same value instance, the same exception
 * instance). Methods that wait ({@link #await}, {@link #awaitOrCancel}) must not be called on a reactor
 * thread or on a thread that must not block; they fail at once with {@link IllegalStateException}
 * there. The other methods never block and may be called from any thread.
 * <p>
 * A failure that nobody observes (through an {@code await} that returned or threw it, or
 * {@link #originalFailure()} after completion, or by handing the result on with {@link #toUni()} /
 * {@link #toCompletionStage()}) is logged once when the result becomes unreachable.
 *
 * <pre>{@code
 * EventualResult<Quote> quote = quotes.fetch("ACME");     // a @RunInReactor method
 * try {
 *     return quote.awaitOrCancel(Duration.ofSeconds(2));
 * } catch (ReactorTimeoutException e) {
 *     return Quote.unknown();                            // and the fetch was cancelled
 * }
 * }</pre>
 *
 * @param <T> the type of the value
 */
public interface EventualResult<T> {

    /**
     * Waits at most {@code timeout} for the outcome and returns the value or rethrows the failure.
     * <p>
     * An unchecked failure is rethrown as the very instance the work failed with; a checked one arrives
     * wrapped in {@link java.util.concurrent.CompletionException} (the same wrapper instance on every
     * call). A timed-out {@code await} does not cancel the work: a later call still gets the result.
     *
     * @param timeout how long to wait; must not be {@code null} or negative; {@link Duration#ZERO} polls;
     *     huge values wait "forever"
     * @return the value
     * @throws ReactorTimeoutException when no outcome arrived in time
     * @throws ReactorStoppedException when the reactor stopped before the work completed
     * @throws java.util.concurrent.CancellationException when the work was cancelled
     * @throws java.util.concurrent.CompletionException when interrupted while waiting (cause:
     *     {@link InterruptedException}, interrupt flag kept), or wrapping a checked failure
     * @throws IllegalStateException when called on a reactor thread or a thread that must not block,
     *     even if the result is ready
     * @throws IllegalArgumentException when {@code timeout} is {@code null} or negative
     */
    T await(Duration timeout);

    /**
     * Like {@link #await(Duration)}, but cancels the work when the timeout passes or the caller is
     * interrupted, so nothing keeps running for a caller that gave up.
     *
     * @param timeout how long to wait; must not be {@code null} or negative
     * @return the value
     * @throws ReactorTimeoutException when no outcome arrived in time (the work is then cancelled)
     * @see #await(Duration)
     */
    T awaitOrCancel(Duration timeout);

    /**
     * Cancels the work, unless the result is already complete. Never blocks; idempotent.
     * <p>
     * When not yet complete, the result completes at once with a
     * {@link java.util.concurrent.CancellationException}, even if the upstream ignores cancellation. Work
     * that has not started is skipped; a running subscription is cancelled on the reactor thread.
     */
    void cancel();

    /**
     * Tells whether the outcome is known. Never blocks.
     *
     * @return {@code true} once completed in any way
     */
    boolean isDone();

    /**
     * Returns the failure exactly as the work failed (the body's exception or the {@code Uni}'s failure,
     * with its reactor-side stack), without waiting or wrapping. Never blocks. Calling it after
     * completion counts as observing the failure.
     *
     * @return the failure; empty while pending or when the work succeeded
     */
    Optional<Throwable> originalFailure();

    /**
     * Stores this result in the {@link ResultStore} of the application that produced it, to be
     * retrieved once by the returned id, e.g. on a later HTTP request of the same user.
     * <p>
     * Every call returns a new unguessable id (base64url, at least 22 characters, 128 random bits).
     *
     * @return the id to give to {@link ResultStore#retrieve(String)}
     * @throws IllegalStateException when this result belongs to no application (made by a factory
     *     method outside an intercepted call), or the store is full
     * @throws ReactorStoppedException when the application has stopped
     */
    String stash();

    /**
     * Exposes the outcome as a {@link CompletionStage} that completes with the value or the original
     * failure. Never runs the work again. Counts as observing the result.
     *
     * @return a stage that completes with this result
     */
    CompletionStage<T> toCompletionStage();

    /**
     * Exposes the outcome as a {@link Uni} that emits the value or the original failure. Never runs the
     * work again; cancelling a subscription to it does not cancel the work. Counts as observing the
     * result.
     *
     * @return a Uni of this result
     */
    Uni<T> toUni();

    /**
     * A result that already succeeded with {@code value}, e.g. for a {@link RunInReactor} body to return.
     *
     * @param value the value; may be {@code null}
     * @param <T> the type of the value
     * @return a completed result
     */
    static <T> EventualResult<T> of(T value) {
        return Eventual.succeeded(value);
    }

    /**
     * A result that already failed with {@code failure}, e.g. for a {@link RunInReactor} body to return.
     *
     * @param failure the failure; must not be {@code null}
     * @param <T> the type of the value
     * @return a failed result
     */
    static <T> EventualResult<T> failed(Throwable failure) {
        return Eventual.failedWith(failure);
    }

    /**
     * A result that follows {@code uni}. Returned from a {@link RunInReactor} body, the {@code Uni} is
     * subscribed on the reactor thread; used on its own (outside an intercepted call, e.g. in a unit
     * test), it is subscribed on first use. It is subscribed at most once.
     *
     * @param uni the work; must not be {@code null}
     * @param <T> the type of the value
     * @return a result following {@code uni}
     */
    static <T> EventualResult<T> from(Uni<T> uni) {
        return Eventual.following(uni);
    }

    /**
     * A result that follows {@code stage}; cancelling the result cancels the stage when it is a
     * {@link java.util.concurrent.Future}.
     *
     * @param stage the work; must not be {@code null}
     * @param <T> the type of the value
     * @return a result following {@code stage}
     */
    static <T> EventualResult<T> from(CompletionStage<T> stage) {
        return Eventual.following(stage);
    }
}
