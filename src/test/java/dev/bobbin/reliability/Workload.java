package dev.bobbin.reliability;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bobbin.EventualResult;
import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;
import io.smallrye.mutiny.Uni;

/** The soak test's application: every kind of call, each body noting its operation in the {@link Ledger}. */
@ApplicationScoped
public class Workload {
    /** The {@link #never} timeout, in milliseconds. */
    static final long NEVER_TIMEOUT_MILLIS = 20;

    @WaitFor(timeout = 30)
    public long echo(long op) {
        Ledger.current().ran(op);
        return op;
    }

    @WaitFor(timeout = 30)
    public long fail(long op, RuntimeException failure) {
        Ledger.current().ran(op);
        throw failure;
    }

    @WaitFor(timeout = NEVER_TIMEOUT_MILLIS, unit = ChronoUnit.MILLIS)
    public Long never(long op) {
        Ledger ledger = Ledger.current();
        ledger.ran(op);
        return WaitFor.Result.from(
                Uni.createFrom().<Long>nothing().onCancellation().invoke(ledger.upstreamCancellations::increment));
    }

    @RunInReactor
    public EventualResult<Long> later(long op) {
        Ledger.current().ran(op);
        return EventualResult.from(Uni.createFrom().item(op));
    }

    @RunInReactor
    public EventualResult<Long> pending(long op) {
        Ledger ledger = Ledger.current();
        ledger.ran(op);
        return EventualResult.from(
                Uni.createFrom().<Long>nothing().onCancellation().invoke(ledger.upstreamCancellations::increment));
    }

    @RunInReactor
    public EventualResult<Long> failLater(long op, RuntimeException failure) {
        Ledger.current().ran(op);
        return EventualResult.failed(failure);
    }
}
