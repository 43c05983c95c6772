package dev.bobbin.context;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.bobbin.EventualResult;
import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;

@ApplicationScoped
public class Contextual {
    @Inject
    Visit visit;

    @WaitFor(timeout = 10)
    public int visitNumber() {
        return visit.number();
    }

    @RunInReactor
    public EventualResult<Integer> visitNumberLater() {
        return EventualResult.of(visit.number());
    }

    @WaitFor(timeout = 10)
    public ClassLoader contextClassLoader() {
        return Thread.currentThread().getContextClassLoader();
    }
}
