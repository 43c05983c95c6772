package dev.bobbin.health;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.bobbin.ReactorMetrics;
import dev.bobbin.cdi.BobbinRuntime;
import dev.bobbin.core.ReactorRuntime;

/**
 * Readiness of the application's reactor, named {@value #NAME}: {@code UP} once the reactor has started and
 * until it begins to stop; {@code DOWN} before start and from the beginning of stop (new calls would then
 * fail with {@link dev.bobbin.ReactorStoppedException}). Never waits for the reactor. Data: {@code state},
 * {@code queue-depth}, {@code pending-results}, {@code store-size}.
 * <p>
 * Registered by Bobbin's extensions only when the MicroProfile Health API is present.
 */
@Readiness
@ApplicationScoped
public class ReactorReadinessCheck implements HealthCheck {
    /** The name of the check in health reports. */
    public static final String NAME = "bobbin-reactor-readiness";

    private final BobbinRuntime bobbin;

    /** For the container's proxy only. */
    protected ReactorReadinessCheck() {
        this.bobbin = null;
    }

    /**
     * @param bobbin the application's Bobbin
     */
    @Inject
    public ReactorReadinessCheck(BobbinRuntime bobbin) {
        this.bobbin = bobbin;
    }

    @Override
    public HealthCheckResponse call() {
        ReactorRuntime runtime = bobbin.runtime();
        boolean started = runtime.isStarted();
        ReactorMetrics metrics = runtime.metrics();
        String state = started ? "running" : runtime.isRunning() ? "not started" : "stopped";
        return new HealthCheckResponse(
                NAME,
                started ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(Map.of(
                        "state", state,
                        "queue-depth", metrics.queueDepth(),
                        "pending-results", metrics.pendingResults(),
                        "store-size", metrics.storeSize())));
    }
}
