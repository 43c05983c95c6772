package dev.bobbin.core;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import io.smallrye.mutiny.Uni;

/**
 * cancel() racing the subscription to the upstream (what the reactor does when a body returns a Uni): the
 * result ends cancelled and the upstream is cancelled, whichever comes first; never a lost cancellation.
 */
@JCStressTest
@Outcome(id = "1, 3", expect = ACCEPTABLE, desc = "the upstream was cancelled")
@Outcome(id = "0, 3", expect = FORBIDDEN, desc = "the cancellation of the upstream was lost")
@Outcome(expect = FORBIDDEN, desc = "another outcome")
@State
public class CancelVsFollow {
    private final Eventual<Object> result = Fixtures.result();
    private volatile boolean upstreamCancelled;
    private final Uni<Object> upstream =
            Uni.createFrom().nothing().onCancellation().invoke(() -> upstreamCancelled = true);

    @Actor
    public void subscribe() {
        result.follow(upstream);
    }

    @Actor
    public void cancel() {
        result.cancel();
    }

    @Arbiter
    public void judge(II_Result r) {
        r.r1 = upstreamCancelled ? 1 : 0;
        r.r2 = Fixtures.kind(Fixtures.poll(result));
    }
}
