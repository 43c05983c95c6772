package dev.bobbin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SettingsTest {
    private static Settings load(Map<String, String> values) {
        return Settings.load(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void defaults_areTheDocumentedOnes() {
        Settings settings = load(Map.of());
        assertThat(settings).isEqualTo(Settings.DEFAULTS);
        assertThat(settings.threadName()).isEqualTo("bobbin-reactor");
        assertThat(settings.watchdogThreshold()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.storeTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.storeMaxSize()).isEqualTo(10_000);
        assertThat(settings.requestContext()).isTrue();
        assertThat(settings.spin()).isEqualTo(Duration.ofNanos(20_000));
    }

    @Test
    void spin_isZeroOrADurationUpToOneMillisecond() {
        assertThat(load(Map.of("bobbin.reactor.spin", "0")).spin()).isZero();
        assertThat(load(Map.of("bobbin.reactor.spin", "50us")).spin()).isEqualTo(Duration.ofNanos(50_000));
        assertThat(load(Map.of("bobbin.reactor.spin", "1ms")).spin()).isEqualTo(Duration.ofMillis(1));
        assertThatThrownBy(() -> load(Map.of("bobbin.reactor.spin", "2ms")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("bobbin.reactor.spin: must be 0 (no spinning) or at most 1ms, was '2ms'");
        assertThatThrownBy(() -> load(Map.of("bobbin.reactor.spin", "a bit")))
                .hasMessage(
                        "bobbin.reactor.spin: must be a duration such as 500ms, 30s, 10m, 1h or PT30S, was 'a bit'");
    }

    @Test
    void durations_acceptUnitsAndIso8601() {
        assertThat(Settings.duration("k", "250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(Settings.duration("k", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Settings.duration("k", " 30s ")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Settings.duration("k", "10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Settings.duration("k", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Settings.duration("k", "1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Settings.duration("k", "PT1.5S")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void theHousekeeper_neverTakesTheReactorsName() {
        assertThat(ReactorRuntime.housekeeperName("bobbin-reactor-shop")).isEqualTo("bobbin-housekeeper-shop");
        assertThat(ReactorRuntime.housekeeperName("shop-loop")).isEqualTo("shop-loop-housekeeper");
    }

    @Test
    void badValues_failNamingTheKeyAndTheRule() {
        assertThatThrownBy(() -> load(Map.of("bobbin.store.ttl", "soon")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("bobbin.store.ttl: must be a duration such as 500ms, 30s, 10m, 1h or PT30S, was 'soon'");
        assertThatThrownBy(() -> load(Map.of("bobbin.watchdog.threshold", "0s")))
                .hasMessage("bobbin.watchdog.threshold: must be > 0, was '0s'");
        assertThatThrownBy(() -> load(Map.of("bobbin.store.max-size", "-3")))
                .hasMessage("bobbin.store.max-size: must be a whole number > 0, was '-3'");
        assertThatThrownBy(() -> load(Map.of("bobbin.reactor.request-context", "yes")))
                .hasMessage("bobbin.reactor.request-context: must be true or false, was 'yes'");
        assertThatThrownBy(() -> load(Map.of("bobbin.reactor.thread-name", " ")))
                .hasMessage("bobbin.reactor.thread-name: must not be blank, was ' '");
    }
}
