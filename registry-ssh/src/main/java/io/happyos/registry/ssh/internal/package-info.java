/**
 * The Gogo shell over SSH: the server (Apache MINA SSHD, the {@code sshd-osgi} bundle beside this
 * one), public-key authentication against an authorized_keys file, the host key kept under the
 * storage folder, the exec and interactive channels, and the audit of each session under
 * {@code ssh:USER@ADDRESS}. Private to the bundle: it exports nothing.
 */
package io.happyos.registry.ssh.internal;
