package io.happyos.registry;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The versions of a bundle component's JAR that the registry keeps, and rollback to one of them.
 * Reached through {@link DynamicRegistry#versions()}.
 */
@ProviderType
public interface Versions {

    /**
     * The versions of a bundle component's JAR the registry keeps, newest first: the one installed
     * now, then the earlier ones (the last few, see {@code happyos.history.size}).
     *
     * @param id the component's id
     * @return the versions, unmodifiable; empty for a component the registry did not install
     * @throws ComponentNotFoundException for an unknown id
     */
    List<JarVersion> getVersionHistory(String id);

    /**
     * Reinstates the previous version of a component's JAR through the reload path: the affected
     * components are deactivated dependents first, the bundle updated and refreshed, and those that
     * were active activated again in dependency order. When the component's JAR lives in the bundles
     * folder, the folder's file is replaced too, so that the folder stays the truth.
     *
     * @param id the component's id
     * @return the version reinstated; fails with {@link RegistryException} when there is no earlier
     *     version
     */
    CompletionStage<String> rollbackComponent(String id);

    /**
     * {@link #rollbackComponent(String)} to a given version.
     *
     * @param id the component's id
     * @param version one of the versions {@link #getVersionHistory} lists
     * @return the version reinstated; fails with {@link RegistryException} when it is not kept
     */
    CompletionStage<String> rollbackComponent(String id, String version);
}
