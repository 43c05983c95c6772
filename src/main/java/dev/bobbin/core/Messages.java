package dev.bobbin.core;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

import dev.bobbin.ReactorStoppedException;
import dev.bobbin.ReactorTimeoutException;

/**
 * Every user-facing message of Bobbin, in one place. Messages read "subject: rule, was actual; hint".
 */
public final class Messages {
    private Messages() {}

    // --- definition errors (deployment, or every call when a container skipped validation) ---

    static String nonPositiveTimeout(String method, long timeout) {
        return "@WaitFor.timeout on " + method + ": must be > 0, was " + timeout;
    }

    static String unitTooCoarse(String method, Object unit) {
        return "@WaitFor.unit on " + method + ": must be DAYS or finer, was " + unit
                + " (an estimated unit has no exact length)";
    }

    static String asyncReturnType(String method, String returnType) {
        return "@WaitFor on " + method + ": must not return " + returnType
                + ", the caller would get work it still has to wait for; return the item type and hand the work"
                + " over with WaitFor.Result.from(...)";
    }

    static String notEventualResult(String method, String returnType) {
        return "@RunInReactor on " + method + ": must return EventualResult or void, was " + returnType
                + "; wrap the value with EventualResult.of(value) or EventualResult.from(uni)";
    }

    static String bothBindings(String method) {
        return "@WaitFor and @RunInReactor on " + method
                + ": a method either blocks its caller or returns at once, not both; keep one";
    }

    static String notInterceptable(String annotation, String method, String modifier) {
        return annotation + " on " + method + ": must not be " + modifier
                + ", interceptors never apply to such methods";
    }

    // --- call-time misuse ---

    static IllegalStateException blockingOnReactor(String what) {
        return new IllegalStateException(what
                + ": must not wait on a reactor thread, it would wait for itself;"
                + " return EventualResult.from(...) from a @RunInReactor method, or chain the Uni instead");
    }

    static IllegalStateException blockingOnNonBlockingThread(String what, Thread thread) {
        return new IllegalStateException(what + ": must not wait on thread '" + thread.getName()
                + "', which must not block (an event loop); call it from a worker thread");
    }

    static IllegalStateException handOverOutsideWaitFor(String what) {
        return new IllegalStateException("WaitFor.Result.from(" + what
                + "): only the body of a @WaitFor method may call it, while it runs on the reactor thread;"
                + " in a @RunInReactor method return EventualResult.from(...) instead");
    }

    static IllegalStateException handedOverTwice() {
        return new IllegalStateException(
                "WaitFor.Result.from(...): called twice in one @WaitFor call; hand over one Uni (combine them first)");
    }

    static NullPointerException nullArgument(String what, String argument) {
        return new NullPointerException(what + ": " + argument + " must not be null");
    }

    static IllegalArgumentException negativeTimeout(String what, Duration timeout) {
        return new IllegalArgumentException(what + ": timeout must not be negative, was " + timeout);
    }

    static IllegalArgumentException nullTimeout(String what) {
        return new IllegalArgumentException(what + ": timeout must not be null");
    }

    static IllegalArgumentException nonPositiveTimeout(String what, Duration timeout) {
        return new IllegalArgumentException(what + ": timeout must be > 0, was " + timeout);
    }

    static IllegalArgumentException asyncFromWaitFor(String what, Object value) {
        return new IllegalArgumentException(what + ": the body returned "
                + value.getClass().getName() + ", work still to wait for; use Reactor#waitForUni(...) for a Uni");
    }

    static NullPointerException nullEventualResult(String method) {
        return new NullPointerException(
                method + ": a @RunInReactor method must not return null; return EventualResult.of(null) for no value");
    }

    static IllegalStateException stashWithoutApplication() {
        return new IllegalStateException("EventualResult#stash(): this result belongs to no application"
                + " (it was made by a factory method outside an intercepted call), so it has no ResultStore");
    }

    static IllegalStateException storeFull(int maxSize) {
        return new IllegalStateException("EventualResult#stash(): the ResultStore is full, " + maxSize
                + " results are stashed; retrieve them, or raise bobbin.store.max-size or lower bobbin.store.ttl");
    }

    // --- outcomes ---

    static ReactorTimeoutException timedOut(String what, String timeout, boolean cancelled) {
        return new ReactorTimeoutException(what + ": no result within " + timeout
                + (cancelled ? "; the work was cancelled" : "; the work goes on, a later await may still get it"));
    }

    static CompletionException interrupted(String what, InterruptedException cause, boolean cancelled) {
        return new CompletionException(
                what + ": interrupted while waiting" + (cancelled ? "; the work was cancelled" : ""), cause);
    }

    static CancellationException cancelled(String what) {
        return new CancellationException(what + ": cancelled");
    }

    static ReactorStoppedException stoppedBeforeResult(String what) {
        return new ReactorStoppedException(what + ": the reactor stopped before the result was ready");
    }

    static ReactorStoppedException refusedAfterStop(String what) {
        return new ReactorStoppedException(what + ": the reactor has stopped (the application is stopping)");
    }

    // --- configuration ---

    static IllegalArgumentException badSetting(String key, String rule, String value) {
        return new IllegalArgumentException(key + ": " + rule + ", was '" + value + "'");
    }

    // --- log lines ---

    static String unobservedFailure(String what) {
        return what + ": failed and nobody observed the failure (no await, originalFailure() or stash retrieval)";
    }

    static String fireAndForgetFailed(String what) {
        return what + ": fire-and-forget @RunInReactor call failed";
    }

    static String taskFailed() {
        return "a task on the reactor thread failed; the reactor goes on";
    }

    static String reactorBlocked(String thread, long millis, long thresholdMillis) {
        return "reactor thread '" + thread + "' has been running one task for " + millis + " ms (threshold "
                + thresholdMillis + " ms, bobbin.watchdog.threshold); a task must not block the reactor."
                + " Its stack:";
    }

    static String threadDidNotEnd(String thread, long graceMillis) {
        return "Bobbin thread '" + thread + "' did not end within " + graceMillis
                + " ms of stop (bobbin.shutdown.grace) and an interrupt; a task is blocking it";
    }

    static String threadNeverRan(String thread) {
        return "Bobbin thread '" + thread + "' never ran (the server has not started it, e.g. after a failed"
                + " application start); it ends as soon as it runs";
    }

    static String expiredUnobserved(String what) {
        return what + ": stashed result expired unretrieved and its failure was never observed";
    }

    static String stoppedUnobserved(String what) {
        return what + ": stashed result dropped at stop and its failure was never observed";
    }
}
