package dev.bobbin.config;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bobbin.WaitFor;

@ApplicationScoped
public class Named {
    @WaitFor(timeout = 10)
    public String threadName() {
        return Thread.currentThread().getName();
    }
}
