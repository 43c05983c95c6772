package dev.bobbin.core;

import java.time.Duration;

import dev.bobbin.ReactorStoppedException;

/**
 * What the jcstress tests share. They live in {@code dev.bobbin.core} to drive {@link Eventual}'s
 * completion paths directly ({@code succeed}, {@code fail}, {@code stop}, {@code follow}), as the reactor
 * and the upstream do; {@code OneShotRaceTest} races the same paths through the public API only.
 */
final class Fixtures {
    /** Outcome kinds, as the tests report them. */
    static final int PENDING = 0;

    static final int VALUE = 1;
    static final int FAILURE = 2;
    static final int CANCELLED = 3;
    static final int STOPPED = 4;

    /** The owner of every result: an application whose reactor never starts (cancellations run inline). */
    static final ReactorRuntime OWNER = new ReactorRuntime(
            Settings.DEFAULTS,
            "bobbin-reactor-jcstress",
            runnable -> {
                throw new IllegalStateException("never started");
            },
            null,
            TaskContext.NONE);

    static final Object VALUE_INSTANCE = new Object();
    static final RuntimeException FAILURE_INSTANCE = new IllegalStateException("failed");

    private Fixtures() {}

    static Eventual<Object> result() {
        return new Eventual<>(OWNER, "Jcstress#race()", false);
    }

    /** Polls the outcome: the value or the exception thrown, or {@code null} while pending. */
    static Object poll(Eventual<Object> result) {
        try {
            return result.await(Duration.ZERO);
        } catch (dev.bobbin.ReactorTimeoutException pending) {
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    static int kind(Object outcome) {
        if (outcome == null) {
            return PENDING;
        } else if (outcome == VALUE_INSTANCE) {
            return VALUE;
        } else if (outcome == FAILURE_INSTANCE) {
            return FAILURE;
        } else if (outcome instanceof ReactorStoppedException) {
            return STOPPED;
        } else if (outcome instanceof java.util.concurrent.CancellationException) {
            return CANCELLED;
        }
        return -1;
    }

    /**
     * The arbiter's view: {@code r1} the outcome kind by {@code await}, {@code r2} by
     * {@code originalFailure()} (0 when empty), {@code r3} 1 when every observation is the same instance.
     */
    static void judge(Eventual<Object> result, org.openjdk.jcstress.infra.results.III_Result r) {
        Object first = poll(result);
        Object second = poll(result);
        Throwable original = result.originalFailure().orElse(null);
        r.r1 = kind(first);
        r.r2 = original == null ? 0 : kind(original);
        boolean same = first == second && (original == null ? !(first instanceof Throwable) : original == first);
        r.r3 = same ? 1 : 0;
    }
}
