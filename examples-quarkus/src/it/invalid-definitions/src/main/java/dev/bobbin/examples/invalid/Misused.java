package dev.bobbin.examples.invalid;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;
import io.smallrye.mutiny.Uni;

/**
 * Every method breaks one of Bobbin's rules; the build names each. (A private intercepted method is not
 * here: ArC itself fails the build on it first, quarkus.arc.fail-on-intercepted-private-method.)
 */
@ApplicationScoped
public class Misused {

    @WaitFor(timeout = 0)
    public String zeroTimeout() {
        return "never";
    }

    @WaitFor(timeout = 1, unit = ChronoUnit.MONTHS)
    public String estimatedUnit() {
        return "never";
    }

    @WaitFor(timeout = 5)
    public Uni<String> hidesTheWait(String symbol) {
        return Uni.createFrom().item(symbol);
    }

    @RunInReactor
    public String notEventual(int count, long millis) {
        return "never";
    }
}
