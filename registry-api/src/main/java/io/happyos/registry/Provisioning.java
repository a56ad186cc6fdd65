package io.happyos.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Installing bundles from Maven repositories and from named sets of bundles (a subset of Karaf's
 * {@code features.xml}). Reached through {@link DynamicRegistry#provisioning()}.
 *
 * <p>Every bundle installed here is a registry entry like any other: it goes through the registry's
 * install path (hooks, audit, dependency derivation, activation in dependency order), and what was
 * provisioned is kept, so that a bundle the framework's cache lost is installed again at the next
 * start. Artifacts are resolved from the local Maven repository ({@code happyos.maven.local}, default
 * {@code ~/.m2/repository}) and then from the remote repositories ({@code happyos.maven.repositories},
 * default Maven Central), their checksums checked, and cached in the local repository.
 *
 * <p>Each operation is one batch: every artifact is resolved and checked before anything is
 * installed, so an artifact that cannot be had changes nothing.
 */
@ProviderType
public interface Provisioning {

    /**
     * Installs one bundle and activates it.
     *
     * @param location {@code mvn:GROUP/ARTIFACT/VERSION[/TYPE[/CLASSIFIER]]} (TYPE default {@code jar}),
     *     or {@code file:PATH}
     * @return what changed; fails with {@link RegistryException} naming the URL tried and the fix when
     *     the location is malformed, the artifact is in no repository, its checksum does not match or it
     *     is not a bundle
     */
    CompletionStage<ProvisionResult> install(String location);

    /**
     * Provisions features from a features file: their bundles, and those of the features they need,
     * resolved first, then installed and activated in dependency order. Provisioning the same file
     * again installs what is new, updates what changed and uninstalls what its features no longer
     * list (when no other set lists it).
     *
     * @param file the features file
     * @param features the features to provision (a name, or {@code NAME/VERSION}); empty for every
     *     feature marked {@code install="auto"}, or every feature of the file when none is
     * @return what changed; fails with {@link RegistryException} for a file that cannot be read or
     *     parsed, an unknown feature, or any artifact that cannot be had (nothing is then changed)
     */
    CompletionStage<ProvisionResult> provision(Path file, List<String> features);

    /**
     * Forgets a provisioned set and uninstalls its bundles, except those another set lists.
     *
     * @param name the set's name, as {@link #getProvisionedSets()} lists it
     * @return what changed; fails with {@link RegistryException} for an unknown name
     */
    CompletionStage<ProvisionResult> unprovision(String name);

    /**
     * What was provisioned: each feature and each bundle installed by {@link #install}, oldest first,
     * with the present status of its bundles.
     *
     * @return the sets, unmodifiable
     */
    List<ProvisionedSet> getProvisionedSets();
}
