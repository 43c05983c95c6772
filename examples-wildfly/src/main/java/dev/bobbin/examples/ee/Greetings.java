package dev.bobbin.examples.ee;

import java.time.Duration;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

import dev.bobbin.WaitFor;
import io.smallrye.mutiny.Uni;

/** Blocking callers, reactive body: Crochet's {@code @wait_for}. */
@ApplicationScoped
public class Greetings {
    /** Mutiny's default scheduler would start threads the server does not manage (and keep after undeploy). */
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService timer;

    /**
     * Greets {@code name} after {@code delayMillis}, computed on the reactor thread; the caller waits at most two
     * seconds.
     *
     * @param name who to greet
     * @param delayMillis how long the reactive work takes
     * @return the greeting, with the name of the thread that made it
     */
    @WaitFor(timeout = 2)
    public String greet(String name, long delayMillis) {
        Uni<String> greeting = Uni.createFrom()
                .item("Hello, " + name + " (from " + Thread.currentThread().getName() + ")");
        if (delayMillis > 0) {
            greeting = greeting.onItem().delayIt().onExecutor(timer).by(Duration.ofMillis(delayMillis));
        }
        return WaitFor.Result.from(greeting);
    }
}
