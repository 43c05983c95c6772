package dev.bobbin.testing;

import java.util.UUID;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.WeldInitiator;

import dev.bobbin.cdi.BobbinExtension;

/**
 * Real Weld SE containers with Bobbin, as tests need them. Discovery is off (so each scenario sees only
 * its own beans), and with it Weld stops loading extensions from {@code META-INF/services}: the
 * extension is added explicitly, as the design notes warn.
 */
public final class BobbinWeld {
    private BobbinWeld() {}

    /** A Weld SE builder with Bobbin's extension and the given beans. */
    public static Weld weld(Class<?>... beans) {
        return weldWithId(UUID.randomUUID().toString(), beans);
    }

    /** As {@link #weld}, with a container id: Weld SE runs several containers in one JVM only by id. */
    public static Weld weldWithId(String id, Class<?>... beans) {
        return new Weld(id)
                .disableDiscovery()
                .property("org.jboss.weld.bootstrap.concurrentDeployment", false)
                .addExtension(new BobbinExtension())
                .addBeanClasses(beans);
    }

    /** A weld-junit5 initiator with Bobbin's extension and the given beans. */
    public static WeldInitiator with(Class<?>... beans) {
        return WeldInitiator.from(weld(beans)).build();
    }
}
