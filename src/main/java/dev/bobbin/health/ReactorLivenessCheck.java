package dev.bobbin.health;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import dev.bobbin.cdi.BobbinRuntime;
import dev.bobbin.core.ReactorRuntime;

/**
 * Liveness of the application's reactor, named {@value #NAME}: {@code UP} when a no-op task runs on the
 * reactor within {@code bobbin.watchdog.threshold} (the same limit the watchdog reports), {@code DOWN} when
 * the reactor is stuck. A reactor that is not running (not started yet, or stopping) is reported
 * {@code UP}: that is a readiness matter ({@link ReactorReadinessCheck}), not a reason to restart the
 * process. Data: {@code state}, {@code response-ms} (when it answered), {@code threshold-ms}.
 * <p>
 * Registered by Bobbin's extensions only when the MicroProfile Health API is present.
 */
@Liveness
@ApplicationScoped
public class ReactorLivenessCheck implements HealthCheck {
    /** The name of the check in health reports. */
    public static final String NAME = "bobbin-reactor-liveness";

    private final BobbinRuntime bobbin;

    /** For the container's proxy only. */
    protected ReactorLivenessCheck() {
        this.bobbin = null;
    }

    /**
     * @param bobbin the application's Bobbin
     */
    @Inject
    public ReactorLivenessCheck(BobbinRuntime bobbin) {
        this.bobbin = bobbin;
    }

    @Override
    public HealthCheckResponse call() {
        ReactorRuntime runtime = bobbin.runtime();
        Duration threshold = runtime.settings().watchdogThreshold();
        long nanos = runtime.isStarted() ? runtime.probe(threshold) : -1;
        if (nanos >= 0) {
            return response(
                    HealthCheckResponse.Status.UP,
                    Map.of(
                            "state",
                            "running",
                            "response-ms",
                            TimeUnit.NANOSECONDS.toMillis(nanos),
                            "threshold-ms",
                            threshold.toMillis()));
        }
        if (runtime.isStarted()) {
            return response(
                    HealthCheckResponse.Status.DOWN,
                    Map.of("state", "not answering", "threshold-ms", threshold.toMillis()));
        }
        // Not started yet, or stopping (perhaps while we probed): readiness says so; a restart would not help.
        return response(
                HealthCheckResponse.Status.UP,
                Map.of("state", runtime.isRunning() ? "not started" : "stopped", "threshold-ms", threshold.toMillis()));
    }

    private static HealthCheckResponse response(HealthCheckResponse.Status status, Map<String, Object> data) {
        return new HealthCheckResponse(NAME, status, Optional.of(data));
    }
}
