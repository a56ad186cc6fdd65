/**
 * The Gogo commands of the scope {@code registry}, and the small pieces they are made of: id
 * resolution, tables, JSON. Private to the shell bundle.
 */
package io.happyos.registry.shell.internal;
