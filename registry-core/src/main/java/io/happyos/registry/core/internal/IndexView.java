package io.happyos.registry.core.internal;

import io.happyos.registry.Indexes;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.core.model.ComponentStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** {@link Indexes}: custom indexes over the store's entries; header indexes are kept. */
final class IndexView implements Indexes {

    private final RegistryCore core;
    private final ComponentStore store;

    IndexView(RegistryCore core) {
        this.core = core;
        this.store = core.store;
    }

    @Override
    public void createIndex(String name, Function<RegistryEntry, ?> keyFunction) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyFunction, "keyFunction");
        store.indexes().createIndex(name, keyFunction, store.snapshots(r -> true));
    }

    @Override
    public void createHeaderIndex(String name, String header) {
        core.kept.createHeaderIndex(Objects.requireNonNull(name, "name"), Objects.requireNonNull(header, "header"));
    }

    @Override
    public List<RegistryEntry> getComponentsByIndex(String name, String key) {
        return store.snapshots(
                store.indexes().idsByIndex(Objects.requireNonNull(name, "name"), Objects.requireNonNull(key, "key")));
    }

    @Override
    public boolean dropIndex(String name) {
        core.kept.forgetHeaderIndex(Objects.requireNonNull(name, "name"));
        return store.indexes().dropIndex(name);
    }

    @Override
    public List<String> getIndexNames() {
        return store.indexes().indexNames();
    }
}
