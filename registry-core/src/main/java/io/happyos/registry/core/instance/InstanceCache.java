package io.happyos.registry.core.instance;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.happyos.registry.core.model.ComponentRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The components' instances, each created once and disposed of when it leaves the cache, whatever
 * the reason (removal, size bound, expiry).
 *
 * <p>Unbounded until {@link #enable}. Disposal runs synchronously on the thread that causes the
 * removal; a disposer that throws is logged and the instance forgotten all the same. Creation runs
 * on the calling thread outside the cache's locks (the cache holds a future while it runs), so a
 * slow creator only holds up the callers that want the same id, and a creator may itself look up
 * other ids. Thread-safe.
 *
 * <p>The size bound is Caffeine's: Window TinyLFU, which evicts by recency <em>and</em> frequency,
 * so a rarely used instance may go before a more recently used one.
 */
public final class InstanceCache {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceCache.class);

    /**
     * An instance and what made it.
     *
     * @param instance the instance
     * @param source the factory or service reference that produced it, needed to dispose of it
     * @param record the component it was made for, or {@code null}: kept in the cache's slot so that
     *     a hit finds the component's status and counters without looking it up again
     */
    public record Held(Object instance, Object source, ComponentRecord record) {

        /**
         * An instance held for no particular record.
         *
         * @param instance the instance
         * @param source what produced it
         */
        public Held(Object instance, Object source) {
            this(instance, source, null);
        }
    }

    private final RecentTime ticker;
    private final BiConsumer<String, Held> disposer;
    // guards the swap of the cache by enable(); held only around map operations, never while creating
    private final ReadWriteLock swap = new ReentrantReadWriteLock();
    private final LongAdder misses = new LongAdder();
    // volatile: a hit reads it without the swap lock (an entry moved by enable() is the same slot)
    private volatile AsyncCache<String, Slot> cache;
    // set once enable() installed a cache with expiry, which reads the ticker on every lookup: a hit
    // then takes the time from that reading instead of reading the clock again
    private volatile boolean expiring;

    /**
     * An unbounded cache.
     *
     * @param ticker the time source for expiry and idleness
     * @param disposer disposes of an instance leaving the cache, given its id
     */
    public InstanceCache(Ticker ticker, BiConsumer<String, Held> disposer) {
        this.ticker = new RecentTime(Objects.requireNonNull(ticker, "ticker"));
        this.disposer = Objects.requireNonNull(disposer, "disposer");
        this.cache = builder().buildAsync();
    }

    /**
     * Bounds the cache from now on, or changes the bounds. The instances held stay, unless the new
     * size bound leaves no room for them: then the ones evicted are disposed of. Their time to live
     * counts from this call.
     *
     * @param maxSize the most instances held
     * @param ttl how long an instance is kept after it was created
     * @throws IllegalArgumentException when {@code maxSize < 1} or {@code ttl} is not positive
     */
    public void enable(int maxSize, Duration ttl) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, not " + maxSize);
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, not " + ttl);
        }
        AsyncCache<String, Slot> bounded =
                builder().maximumSize(maxSize).expireAfterWrite(ttl).buildAsync();
        swap.writeLock().lock();
        try {
            List<Map.Entry<String, CompletableFuture<Slot>>> held =
                    new ArrayList<>(cache.asMap().entrySet());
            // coldest first, so the bound's recency order roughly follows the real one
            held.sort(Comparator.comparingLong(entry -> Slot.lastAccessOf(entry.getValue())));
            for (Map.Entry<String, CompletableFuture<Slot>> entry : held) {
                bounded.put(entry.getKey(), entry.getValue());
            }
            // the old cache is dropped, not cleared: clearing would dispose of what just moved
            cache = bounded;
            expiring = true; // after the swap: a hit that sees it looks up in the cache with expiry
            bounded.synchronous().cleanUp();
        } finally {
            swap.writeLock().unlock();
        }
    }

    /**
     * The instance held for an id, when one is ready: the fast path of
     * {@link #get}, without a lock, an allocation or, once {@link #enable}d, a clock read of its own.
     *
     * @param id the component's id
     * @return the instance, or {@code null} when none is ready (none held, being created, or its
     *     creation failed): then call {@link #get}
     */
    public Object getIfReady(String id) {
        Held held = heldIfReady(id);
        return held == null ? null : held.instance();
    }

    /**
     * What is held for an id, when its instance is ready, noted as accessed: {@link #getIfReady}
     * with the record the instance was made for.
     *
     * @param id the component's id
     * @return what is held, or {@code null} when no instance is ready
     */
    public Held heldIfReady(String id) {
        Slot slot = slotIfReady(id);
        return slot == null ? null : slot.held();
    }

    /** {@link #heldIfReady} with the slot itself, for the registry's own hot path. */
    Slot slotIfReady(String id) {
        boolean read = expiring; // before the cache: true means the cache read is one with expiry
        CompletableFuture<Slot> future = cache.getIfPresent(Objects.requireNonNull(id, "id"));
        Slot slot = Slot.ifReady(future);
        if (slot != null) {
            slot.touch(read ? ticker.nanos() : ticker.read());
        }
        return slot;
    }

    /**
     * The wall clock as of the last lookup on this thread, for counting the access a hit served:
     * right after {@link #getIfReady} returned an instance, at most about a millisecond old when the
     * cache's ticker is the system's, without reading the clock; else the wall clock read now.
     *
     * @return epoch milliseconds
     */
    public long recentMillis() {
        return ticker.millis();
    }

    /**
     * The instance for an id, created by {@code creator} when there is none. Concurrent callers for
     * one id share a single creation.
     *
     * @param id the component's id
     * @param creator makes the instance; called at most once per id until it is disposed of
     * @return the instance, or {@code null} when the creator returned {@code null} (nothing is then
     *     cached)
     * @throws RuntimeException what the creator threw (also to the callers waiting for it); nothing
     *     is cached
     */
    public Object get(String id, Function<String, Held> creator) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(creator, "creator");
        Object ready = getIfReady(id);
        if (ready != null) {
            return ready;
        }
        CompletableFuture<Slot> mine = new CompletableFuture<>();
        CompletableFuture<Slot> found;
        swap.readLock().lock();
        try {
            found = cache.getIfPresent(id);
            if (found == null) {
                found = cache.get(id, (key, executor) -> mine);
            }
        } finally {
            swap.readLock().unlock();
        }
        if (found == mine) {
            return create(id, creator, mine);
        }
        Slot slot = await(found);
        if (slot == null) {
            return null;
        }
        slot.touch(ticker.read());
        return slot.held().instance();
    }

    /**
     * The instance held for an id, without creating one.
     *
     * @param id the component's id
     * @return what is held, or {@code null} when nothing is (or it is still being created)
     */
    public Held peek(String id) {
        CompletableFuture<Slot> future = read(() -> cache.asMap().get(id));
        Slot slot = Slot.ifReady(future);
        return slot == null ? null : slot.held();
    }

    /**
     * Disposes of the instance of an id.
     *
     * @param id the component's id
     * @return whether one was held (or being created)
     */
    public boolean remove(String id) {
        return read(() -> cache.asMap().remove(id)) != null;
    }

    /**
     * Disposes of the instances not accessed for a while.
     *
     * @param idleFor how long without an access (per the ticker)
     * @return the ids whose instances were disposed of, sorted
     */
    public List<String> removeIdle(Duration idleFor) {
        long threshold = ticker.read() - idleFor.toNanos();
        return removeWhere((id, slot) -> slot.lastAccess() < threshold);
    }

    /**
     * Disposes of the instances that pass a test, for example all those made by a factory that
     * went away.
     *
     * @param test given an id and what is held for it
     */
    public void removeIf(BiPredicate<String, Held> test) {
        Objects.requireNonNull(test, "test");
        removeWhere((id, slot) -> test.test(id, slot.held()));
    }

    /** Runs pending maintenance now: expired instances are disposed of. */
    public void cleanUp() {
        read(() -> {
            cache.synchronous().cleanUp();
            return null;
        });
    }

    /** @return how many instances are held or being created, expired ones not yet cleaned up included */
    public int size() {
        return read(() -> cache.asMap().size());
    }

    /** @return lookups that ran the creator */
    public long misses() {
        return misses.sum();
    }

    private Object create(String id, Function<String, Held> creator, CompletableFuture<Slot> mine) {
        misses.increment();
        Held held;
        try {
            held = creator.apply(id);
        } catch (RuntimeException | Error e) {
            // Unmapped before it completes, and completed normally: a future failing inside Caffeine
            // would be logged by Caffeine itself (through java.util.logging) on top of our caller.
            read(() -> cache.asMap().remove(id, mine));
            mine.complete(Slot.failed(e));
            throw e;
        }
        if (held == null) {
            read(() -> cache.asMap().remove(id, mine));
            mine.complete(null);
            return null;
        }
        mine.complete(new Slot(held, ticker.read()));
        return held.instance();
    }

    /** The slot a creation produced, or what the creator threw (waiters get the same failure). */
    private static Slot await(CompletableFuture<Slot> future) {
        Slot slot = future.join();
        if (slot != null && slot.failure() != null) {
            Throwable failure = slot.failure();
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        }
        return slot;
    }

    private List<String> removeWhere(BiPredicate<String, Slot> test) {
        List<String> removed = new ArrayList<>();
        swap.readLock().lock();
        try {
            cache.asMap().forEach((id, future) -> {
                Slot slot = Slot.ifReady(future);
                // conditional remove: an instance re-created meanwhile is not the one tested
                if (slot != null && test.test(id, slot) && cache.asMap().remove(id, future)) {
                    removed.add(id);
                }
            });
        } finally {
            swap.readLock().unlock();
        }
        removed.sort(null);
        return List.copyOf(removed);
    }

    private <T> T read(Supplier<T> action) {
        swap.readLock().lock();
        try {
            return action.get();
        } finally {
            swap.readLock().unlock();
        }
    }

    private Caffeine<String, Slot> builder() {
        return Caffeine.newBuilder()
                .ticker(ticker)
                .executor(Runnable::run)
                .removalListener((String id, Slot slot, RemovalCause cause) -> dispose(id, slot, cause));
    }

    private void dispose(String id, Slot slot, RemovalCause cause) {
        if (id == null || slot == null || slot.held() == null) {
            // a failed creation: nothing was made, so nothing to dispose of
            return;
        }
        try {
            disposer.accept(id, slot.held());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Could not dispose of the instance of '{}' (removed: {}); it is forgotten anyway", id, cause, e);
        }
    }
}
