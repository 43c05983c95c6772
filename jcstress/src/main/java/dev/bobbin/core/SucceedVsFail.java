package dev.bobbin.core;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/** succeed races fail: exactly one wins, and every observer sees the winner's outcome, the same instance. */
@JCStressTest
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "succeed won; every observer agrees")
@Outcome(id = "2, 2, 1", expect = ACCEPTABLE, desc = "fail won; every observer agrees")
@Outcome(expect = FORBIDDEN, desc = "no outcome, another outcome, or observers that disagree")
@State
public class SucceedVsFail {
    private final Eventual<Object> result = Fixtures.result();

    @Actor
    public void first() {
        result.succeed(Fixtures.VALUE_INSTANCE);
    }

    @Actor
    public void second() {
        result.fail(Fixtures.FAILURE_INSTANCE);
    }

    @Arbiter
    public void judge(III_Result r) {
        Fixtures.judge(result, r);
    }
}
