package dev.bobbin.core;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/** originalFailure() racing cancel(): empty, or the very cancellation every later await throws. */
@JCStressTest
@Outcome(id = "0, 3, 1", expect = ACCEPTABLE, desc = "observed while pending, then cancelled")
@Outcome(id = "3, 3, 1", expect = ACCEPTABLE, desc = "observed the cancellation, the same instance")
@Outcome(expect = FORBIDDEN, desc = "another outcome, or another instance")
@State
public class CancelVsObserver {
    private final Eventual<Object> result = Fixtures.result();
    private Throwable seen;

    @Actor
    public void cancel() {
        result.cancel();
    }

    @Actor
    public void observe(III_Result r) {
        seen = result.originalFailure().orElse(null);
        r.r1 = seen == null ? 0 : Fixtures.kind(seen);
    }

    @Arbiter
    public void judge(III_Result r) {
        Object outcome = Fixtures.poll(result);
        r.r2 = Fixtures.kind(outcome);
        r.r3 = seen == null || seen == outcome ? 1 : 0;
    }
}
