package dev.bobbin.reliability;

import java.util.Map;

import org.jboss.weld.environment.se.WeldContainer;

import dev.bobbin.testing.BobbinWeld;

/** Starts a container with some Bobbin settings (system properties, read through MicroProfile Config). */
final class Configured {
    private Configured() {}

    static WeldContainer container(Map<String, String> settings, Class<?>... beans) {
        settings.forEach(System::setProperty);
        try {
            return BobbinWeld.weld(beans).initialize(); // settings are read once, at start
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }
}
