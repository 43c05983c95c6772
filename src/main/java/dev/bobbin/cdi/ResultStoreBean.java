package dev.bobbin.cdi;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.bobbin.EventualResult;
import dev.bobbin.ResultStore;

/** The {@link ResultStore} bean: delegates to the application's runtime. */
@ApplicationScoped
public class ResultStoreBean implements ResultStore {
    private final BobbinRuntime bobbin;

    /** For the container's proxy only. */
    protected ResultStoreBean() {
        this.bobbin = null;
    }

    /**
     * @param bobbin the application's Bobbin
     */
    @Inject
    public ResultStoreBean(BobbinRuntime bobbin) {
        this.bobbin = bobbin;
    }

    @Override
    public Optional<EventualResult<?>> retrieve(String id) {
        return bobbin.runtime().retrieve(id);
    }

    @Override
    public int size() {
        return bobbin.runtime().storeSize();
    }
}
