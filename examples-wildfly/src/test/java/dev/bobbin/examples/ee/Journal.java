package dev.bobbin.examples.ee;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Lives in the always-deployed probe WAR and outlives the deployments under test: they report their
 * class loader (held only weakly here) and events through the platform MBean server, which needs no
 * class shared between deployments.
 */
public final class Journal implements JournalMBean {
    static final String OBJECT_NAME = "dev.bobbin.examples:type=Journal";
    static final Journal INSTANCE = new Journal();

    private final Map<String, WeakReference<ClassLoader>> loaders = new ConcurrentHashMap<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private volatile String latestDeployment = "";

    /** {@code label} is "deployment what", e.g. "/cycled#12 class loader"; loaders of one deployment share the first word. */
    @Override
    public void trackLoader(String label, Object loader) {
        loaders.put(label, new WeakReference<>((ClassLoader) loader));
        latestDeployment = label.substring(0, label.indexOf(' ') + 1);
    }

    @Override
    public String getOwner() {
        return owner();
    }

    String owner() {
        return Integer.toHexString(System.identityHashCode(this));
    }

    @Override
    public void note(String line) {
        notes.add(line);
    }

    @Override
    public String[] notes() {
        return notes.toArray(String[]::new);
    }

    @Override
    public void clear() {
        loaders.clear();
        notes.clear();
        latestDeployment = "";
    }

    /** Labels of tracked class loaders that are still strongly reachable. */
    List<String> liveLoaders() {
        List<String> live = new ArrayList<>();
        loaders.forEach((label, ref) -> {
            if (ref.get() != null) {
                live.add(label);
            }
        });
        live.sort(null);
        return live;
    }

    /** Like {@link #liveLoaders()}, leaving out the loaders of the deployment that reported last. */
    List<String> liveLoadersBeforeTheLatestDeployment() {
        String latest = latestDeployment;
        return liveLoaders().stream().filter(label -> !label.startsWith(latest)).toList();
    }

    int trackedLoaders() {
        return loaders.size();
    }

    /** Whether {@code loader} is one of the tracked class loaders. */
    boolean isTracked(ClassLoader loader) {
        return loader != null && loaders.values().stream().anyMatch(ref -> ref.get() == loader);
    }

    /** Registers the journal while the probe is deployed. */
    @WebListener
    public static final class Registration implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            try {
                MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                ObjectName name = new ObjectName(OBJECT_NAME);
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
                server.registerMBean(INSTANCE, name);
            } catch (JMException e) {
                throw new IllegalStateException("cannot register " + OBJECT_NAME, e);
            }
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            try {
                MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                ObjectName name = new ObjectName(OBJECT_NAME);
                // only our own: another probe may have taken the name over
                if (server.isRegistered(name) && INSTANCE.owner().equals(server.getAttribute(name, "Owner"))) {
                    server.unregisterMBean(name);
                }
            } catch (JMException e) {
                // already gone
            }
        }
    }
}
