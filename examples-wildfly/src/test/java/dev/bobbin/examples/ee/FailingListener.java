package dev.bobbin.examples.ee;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Test-only: makes the deployment it is added to fail to start, after CDI (and so Bobbin) has started. */
@WebListener
public class FailingListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        throw new IllegalStateException("this deployment is meant to fail to start");
    }
}
