package dev.bobbin.cdi;

import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.bobbin.core.Settings;

/** Reads Bobbin's settings from MicroProfile Config when the application has it, else system properties. */
final class Configuration {
    private Configuration() {}

    static Settings load(ClassLoader loader) {
        if (Environment.visible("org.eclipse.microprofile.config.ConfigProvider")) {
            Function<String, Optional<String>> source = MicroProfile.source(loader);
            if (source != null) {
                return Settings.load(source);
            }
        }
        return Settings.fromSystemProperties();
    }

    /** Touches the MicroProfile Config API only when it is there (it is optional). */
    private static final class MicroProfile {
        static Function<String, Optional<String>> source(ClassLoader loader) {
            Config config;
            try {
                config = ConfigProvider.getConfig(loader);
            } catch (IllegalStateException | LinkageError e) {
                return null; // the API without an implementation
            }
            return key -> config.getOptionalValue(key, String.class);
        }
    }
}
