package dev.bobbin.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bobbin.EventualResult;
import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;
import io.smallrye.mutiny.Uni;

/**
 * The one bean every CDI variant calls: the same workload (return a cached {@code Integer}) behind each
 * way of calling it, so the differences are the hop and the interception, nothing else.
 */
@ApplicationScoped
public class Target {
    static final Integer VALUE = 42;

    /** {@code @WaitFor} returning a constant. */
    @WaitFor(timeout = 10)
    public Integer constant() {
        return VALUE;
    }

    /** {@code @WaitFor} handing a {@code Uni} over. */
    @WaitFor(timeout = 10)
    public Integer uni() {
        return WaitFor.Result.from(Uni.createFrom().item(VALUE));
    }

    /** {@code @RunInReactor}; the caller awaits the result. */
    @RunInReactor
    public EventualResult<Integer> run() {
        return EventualResult.of(VALUE);
    }

    /** The same body behind an interceptor that only proceeds: Weld's own cost of interception. */
    @NoOp
    public Integer noOp() {
        return VALUE;
    }

    /** The same body behind {@link NaiveHopInterceptor}: Weld's interception with the JDK's hand-off. */
    @NaiveHop
    public Integer naive() {
        return VALUE;
    }

    /** The same body with no interceptor (still through the client proxy). */
    public Integer direct() {
        return VALUE;
    }
}
