package dev.bobbin.lifecycle;

import java.util.concurrent.CountDownLatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.bobbin.EventualResult;
import dev.bobbin.Reactor;
import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class Service {
    @Inject
    Reactor reactor;

    @WaitFor(timeout = 60)
    public Thread reactorThread() {
        return Thread.currentThread();
    }

    /** Waits (up to a minute) for work that never completes. */
    @WaitFor(timeout = 60)
    public String forever(CountDownLatch subscribed) {
        return WaitFor.Result.from(
                Uni.createFrom().<String>nothing().onSubscription().invoke(subscribed::countDown));
    }

    @RunInReactor
    public EventualResult<String> value(String value) {
        return EventualResult.of(value);
    }
}
