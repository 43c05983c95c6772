package dev.bobbin.concurrency;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bobbin.EventualResult;
import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;
import io.smallrye.mutiny.Uni;

/** State touched only on the reactor thread: no lock, yet no lost update, whatever the callers. */
@ApplicationScoped
public class Counter {
    private long count;

    @WaitFor(timeout = 30)
    public long increment() {
        return ++count;
    }

    @RunInReactor
    public EventualResult<Long> incrementLater() {
        return EventualResult.from(Uni.createFrom().item(() -> ++count));
    }

    @WaitFor(timeout = 30)
    public long count() {
        return count;
    }
}
