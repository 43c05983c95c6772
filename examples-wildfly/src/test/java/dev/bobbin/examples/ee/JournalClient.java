package dev.bobbin.examples.ee;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.ObjectName;

/** Writes to the probe's {@link Journal} from another deployment, through the platform MBean server only. */
final class JournalClient {
    private JournalClient() {}

    static void trackLoader(String label, ClassLoader loader) {
        invoke("trackLoader", new Object[] {label, loader}, new String[] {String.class.getName(), Object.class.getName()
        });
    }

    static void note(String line) {
        invoke("note", new Object[] {line}, new String[] {String.class.getName()});
    }

    private static void invoke(String operation, Object[] arguments, String[] signature) {
        try {
            ManagementFactory.getPlatformMBeanServer()
                    .invoke(new ObjectName(Journal.OBJECT_NAME), operation, arguments, signature);
        } catch (JMException e) {
            throw new IllegalStateException("the probe's journal is not reachable: " + operation, e);
        }
    }
}
