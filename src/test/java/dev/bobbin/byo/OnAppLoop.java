package dev.bobbin.byo;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bobbin.EventualResult;
import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OnAppLoop {
    @WaitFor(timeout = 10)
    public String threadName() {
        return Thread.currentThread().getName();
    }

    @WaitFor(timeout = 10)
    public String awaitInside() {
        return EventualResult.of("x").await(java.time.Duration.ofSeconds(1));
    }

    @RunInReactor
    public EventualResult<String> never() {
        return EventualResult.from(Uni.createFrom().nothing());
    }
}
