package dev.bobbin.waitfor;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bobbin.WaitFor;

/** A second blocking facade, called from the reactor thread by {@link Blocking#nested()}. */
@ApplicationScoped
public class Inner {
    @WaitFor(timeout = 10)
    public String hello(String name) {
        return "hello " + name;
    }
}
