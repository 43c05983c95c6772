package dev.bobbin.reliability;

import java.util.concurrent.Callable;

import jakarta.enterprise.inject.spi.Bean;

import org.jboss.weld.environment.se.WeldContainer;

import dev.bobbin.testing.BobbinWeld;

/**
 * Run by {@code HealthAndMetricsTest} in a class loader without the MicroProfile Health API: boots a Weld SE
 * application with Bobbin, calls it, and lists the beans it has. Refers to no health type.
 */
public class NoHealthApiApplication implements Callable<String> {
    @Override
    public String call() {
        StringBuilder beans = new StringBuilder();
        try (WeldContainer container = BobbinWeld.weld(Faults.class).initialize()) {
            String echoed = container.select(Faults.class).get().echo("works");
            for (Bean<?> bean : container.getBeanManager().getBeans(Object.class)) {
                if (bean.getBeanClass().getName().startsWith("dev.bobbin.")) {
                    beans.append(bean.getBeanClass().getName()).append(' ');
                }
            }
            return echoed + ": " + beans.toString().trim();
        }
    }
}
