package dev.bobbin;

import java.util.Optional;

/**
 * The application's store of {@linkplain EventualResult#stash() stashed} results: Crochet's
 * {@code retrieve_result}. An {@code @ApplicationScoped} bean; inject it.
 * <p>
 * Each id is retrieved at most once, then forgotten. The store is bounded: entries expire after a TTL
 * ({@code bobbin.store.ttl}) and at most {@code bobbin.store.max-size} entries are kept; expired entries
 * are dropped and their unobserved failures logged. Stores of two applications never see each other's
 * ids. When the application stops, the store is emptied (unobserved failures logged).
 */
public interface ResultStore {

    /**
     * Removes and returns the result stashed under {@code id}.
     * <p>
     * Unknown, already retrieved, expired and malformed ids (e.g. a garbled value from a cookie) all
     * give an empty {@code Optional}, so an id from an untrusted client can be passed as it is.
     *
     * @param id the id that {@link EventualResult#stash()} returned; must not be {@code null}
     * @return the very result that was stashed, or empty
     * @throws NullPointerException when {@code id} is {@code null}
     */
    Optional<EventualResult<?>> retrieve(String id);

    /**
     * Tells how many results are stashed now (expired ones not yet swept included).
     *
     * @return the number of entries
     */
    int size();
}
