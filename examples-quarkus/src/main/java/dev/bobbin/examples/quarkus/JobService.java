package dev.bobbin.examples.quarkus;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bobbin.EventualResult;
import dev.bobbin.RunInReactor;
import io.smallrye.mutiny.Uni;

/** Background jobs: each call returns at once, the work goes on on the reactor. Crochet's {@code @run_in_reactor}. */
@ApplicationScoped
public class JobService {
    private final AtomicInteger cancelled = new AtomicInteger();

    /**
     * Starts a job that takes {@code millis}.
     *
     * @param name the job's name
     * @param millis how long it takes
     * @param fail whether it fails (its body throws on the reactor; the caller only sees it in the result)
     * @return the job's eventual report
     */
    @RunInReactor
    public EventualResult<JobReport> start(String name, long millis, boolean fail) {
        String reactorThread = Thread.currentThread().getName();
        if (fail) {
            throw new IllegalArgumentException("job " + name + ": failed on purpose");
        }
        return EventualResult.from(Uni.createFrom()
                .item(new JobReport(name, "finished", reactorThread))
                .onItem()
                .delayIt()
                .by(Duration.ofMillis(millis))
                .onCancellation()
                .invoke(cancelled::incrementAndGet));
    }

    /** @return how many jobs were cancelled while running */
    public int cancelledJobs() {
        return cancelled.get();
    }
}
