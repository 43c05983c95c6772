package dev.bobbin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bobbin.testing.BobbinWeld;

/** Settings come from MicroProfile Config (SmallRye Config is on the test class path), which reads system properties too. */
class ConfigurationTest {
    @AfterEach
    void clear() {
        System.clearProperty("bobbin.reactor.thread-name");
        System.clearProperty("bobbin.store.max-size");
    }

    @Test
    void aConfiguredThreadName_isUsed() {
        System.setProperty("bobbin.reactor.thread-name", "bobbin-reactor-configured");
        assertThat(ConfigProvider.getConfig().getOptionalValue("bobbin.reactor.thread-name", String.class))
                .as("read through MicroProfile Config")
                .contains("bobbin-reactor-configured");
        try (WeldContainer container = BobbinWeld.weld(Named.class).initialize()) {
            assertThat(container.select(Named.class).get().threadName()).startsWith("bobbin-reactor-configured-");
        }
    }

    @Test
    void aBadValue_failsTheDeployment_namingTheKey() {
        System.setProperty("bobbin.store.max-size", "many");
        assertThatThrownBy(() -> BobbinWeld.weld(Named.class).initialize().close())
                .hasStackTraceContaining("bobbin.store.max-size: must be a whole number > 0, was 'many'");
    }
}
