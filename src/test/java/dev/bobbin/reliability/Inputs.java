package dev.bobbin.reliability;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;
import io.smallrye.mutiny.Uni;

/** Misuse from inside bodies, for the bad-input tests. */
@ApplicationScoped
public class Inputs {
    @Inject
    Faults faults;

    @Inject
    Reactor reactor;

    @WaitFor(timeout = 10)
    public String handOverNullUni() {
        return WaitFor.Result.from((Uni<String>) null);
    }

    @WaitFor(timeout = 10)
    public String handOverNullStage() {
        return WaitFor.Result.from((CompletionStage<String>) null);
    }

    /** A @WaitFor call made on the reactor thread. */
    @RunInReactor
    public EventualResult<String> waitForOnTheReactor() {
        return EventualResult.of(faults.echo("never"));
    }

    @RunInReactor
    public EventualResult<Object> awaitOnTheReactor(EventualResult<Object> other) {
        return EventualResult.of(other.await(Duration.ZERO));
    }

    @RunInReactor
    public EventualResult<Object> awaitOrCancelOnTheReactor(EventualResult<Object> other) {
        return EventualResult.of(other.awaitOrCancel(Duration.ofSeconds(1)));
    }

    @RunInReactor
    public EventualResult<Object> programmaticWaitForOnTheReactor() {
        return EventualResult.of(reactor.waitFor(Duration.ofSeconds(1), () -> "never"));
    }

    @RunInReactor
    public EventualResult<Object> waitForUniOnTheReactor() {
        return EventualResult.of(
                reactor.waitForUni(Duration.ofSeconds(1), () -> Uni.createFrom().item("never")));
    }

    /** What may be done on the reactor: everything that does not wait. */
    @RunInReactor
    public EventualResult<String> nonBlockingUseOnTheReactor(dev.bobbin.ResultStore store) {
        EventualResult<String> inner = reactor.runInReactor(() -> EventualResult.of("inner"));
        String id = inner.stash();
        inner.cancel();
        boolean found = store.retrieve(id).isPresent();
        return EventualResult.of("stash/retrieve/cancel/runInReactor on the reactor: " + found);
    }

    @RunInReactor
    public EventualResult<String> returnsNull() {
        return null;
    }
}
