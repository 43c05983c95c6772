package dev.bobbin.virtualthreads;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bobbin.EventualResult;
import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class Hop {
    @WaitFor(timeout = 30)
    public Integer plain(int value) {
        return value;
    }

    @WaitFor(timeout = 30)
    public Integer async(int value) {
        return WaitFor.Result.from(Uni.createFrom().item(value).emitOn(Runnable::run));
    }

    @RunInReactor
    public EventualResult<Integer> later(int value) {
        return EventualResult.of(value);
    }

    @RunInReactor
    public EventualResult<Integer> never() {
        return EventualResult.from(Uni.createFrom().nothing());
    }
}
