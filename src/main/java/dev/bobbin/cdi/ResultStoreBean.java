package dev.bobbin.cdi;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.bobbin.EventualResult;
import dev.bobbin.ResultStore;
import dev.bobbin.core.ReactorRuntime;

/** The {@link ResultStore} bean: delegates to the application's runtime. */
@ApplicationScoped
public class ResultStoreBean implements ResultStore {
    /** Held directly: a call through the client proxy of {@link BobbinRuntime} costs a context lookup. */
    private final ReactorRuntime runtime;

    /** For the container's proxy only. */
    protected ResultStoreBean() {
        this.runtime = null;
    }

    /**
     * @param bobbin the application's Bobbin
     */
    @Inject
    public ResultStoreBean(BobbinRuntime bobbin) {
        this.runtime = bobbin.runtime();
    }

    @Override
    public Optional<EventualResult<?>> retrieve(String id) {
        return runtime.retrieve(id);
    }

    @Override
    public int size() {
        return runtime.storeSize();
    }
}
