package dev.bobbin.core;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/** fail races stop: exactly one wins, and every observer sees the winner's outcome, the same instance. */
@JCStressTest
@Outcome(id = "2, 2, 1", expect = ACCEPTABLE, desc = "fail won; every observer agrees")
@Outcome(id = "4, 4, 1", expect = ACCEPTABLE, desc = "stop won; every observer agrees")
@Outcome(expect = FORBIDDEN, desc = "no outcome, another outcome, or observers that disagree")
@State
public class FailVsStop {
    private final Eventual<Object> result = Fixtures.result();

    @Actor
    public void first() {
        result.fail(Fixtures.FAILURE_INSTANCE);
    }

    @Actor
    public void second() {
        result.stop();
    }

    @Arbiter
    public void judge(III_Result r) {
        Fixtures.judge(result, r);
    }
}
