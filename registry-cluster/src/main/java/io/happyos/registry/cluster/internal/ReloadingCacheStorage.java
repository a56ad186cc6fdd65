package io.happyos.registry.cluster.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCacheStorage;
import org.apache.zookeeper.data.Stat;

/**
 * The storage of the view's Curator cache, which makes the cache report what it reads back after a
 * reconnection even when a znode's version numbers are the same as before.
 *
 * <p>Why: after a reconnection the cache reads back every znode it holds and tells its listeners of
 * a change only when the data version differs from the one it stored, and lists a znode's children
 * again only when its child version differs. A record that was deleted and created again while this
 * node was away (another node's session expired and it published again; ZooKeeper came back with an
 * empty data folder) starts again at version 0, so it can come back with other data and the same
 * version: the cache stored the new data silently and the view, which is built from the cache's
 * events, kept the old record (a component ACTIVE over there stayed REGISTERED here until its next
 * change). Likewise a parent created again can have the same child version and new children that
 * were never read.
 *
 * <p>How: the cache decides from the previous entry that {@link #put} returns. When the data read
 * differs from the data stored, the previous entry is returned with version -1 (no znode has it),
 * so the cache reports the change; when the znode has children, with child version -1 as well, so
 * the cache lists them again (a re-read of the tree after a reconnection, which it does anyway;
 * records have no children, so their many updates cost nothing more). What is stored is always
 * what was read.
 *
 * <p>Thread-safe as the standard storage it wraps.
 */
final class ReloadingCacheStorage implements CuratorCacheStorage {

    private final CuratorCacheStorage storage = CuratorCacheStorage.standard();

    @Override
    public Optional<ChildData> put(ChildData data) {
        Optional<ChildData> previous = storage.put(data);
        if (previous.isEmpty() || previous.get().getStat() == null || data.getStat() == null) {
            return previous;
        }
        ChildData before = previous.get();
        boolean dataDiffers = !Arrays.equals(before.getData(), data.getData());
        boolean hasChildren = data.getStat().getNumChildren() > 0;
        if (!dataDiffers && !hasChildren) {
            return previous;
        }
        Stat stat = copy(before.getStat());
        if (dataDiffers) {
            stat.setVersion(-1);
        }
        if (hasChildren) {
            stat.setCversion(-1);
        }
        return Optional.of(new ChildData(before.getPath(), stat, before.getData()));
    }

    private static Stat copy(Stat s) {
        return new Stat(
                s.getCzxid(),
                s.getMzxid(),
                s.getCtime(),
                s.getMtime(),
                s.getVersion(),
                s.getCversion(),
                s.getAversion(),
                s.getEphemeralOwner(),
                s.getDataLength(),
                s.getNumChildren(),
                s.getPzxid());
    }

    @Override
    public Optional<ChildData> remove(String path) {
        return storage.remove(path);
    }

    @Override
    public void clear() {
        storage.clear();
    }

    @Override
    public Optional<ChildData> get(String path) {
        return storage.get(path);
    }

    @Override
    public int size() {
        return storage.size();
    }

    @Override
    public Stream<ChildData> stream() {
        return storage.stream();
    }
}
