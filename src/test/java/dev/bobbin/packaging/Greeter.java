package dev.bobbin.packaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;

@ApplicationScoped
public class Greeter {
    @Inject
    Reactor reactor;

    @WaitFor(timeout = 10)
    public boolean onReactor() {
        return reactor.isReactorThread();
    }

    @RunInReactor
    public EventualResult<Boolean> onReactorLater() {
        return EventualResult.of(reactor.isReactorThread());
    }
}
