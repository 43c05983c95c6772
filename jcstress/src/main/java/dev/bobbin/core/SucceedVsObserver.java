package dev.bobbin.core;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/** An observer polling while the value arrives sees nothing yet or the value instance, never anything else. */
@JCStressTest
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "observed while pending, then the value")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "observed the value")
@Outcome(expect = FORBIDDEN, desc = "another outcome")
@State
public class SucceedVsObserver {
    private final Eventual<Object> result = Fixtures.result();

    @Actor
    public void complete() {
        result.succeed(Fixtures.VALUE_INSTANCE);
    }

    @Actor
    public void observe(II_Result r) {
        r.r1 = Fixtures.kind(Fixtures.poll(result));
    }

    @Arbiter
    public void judge(II_Result r) {
        r.r2 = Fixtures.kind(Fixtures.poll(result));
    }
}
