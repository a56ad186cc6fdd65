/**
 * Configuration Admin and the etc folder: the {@code .cfg} and {@code .config} file formats, the
 * folder watcher that applies them, the write-back of changes to their files, and the Gogo
 * commands of the scope {@code config}. Private to the config bundle.
 */
package io.happyos.registry.config.internal;
