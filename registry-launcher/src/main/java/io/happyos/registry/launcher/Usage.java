package io.happyos.registry.launcher;

/** The text of {@code --help}. */
final class Usage {

    private Usage() {}

    static String text() {
        return """
                Usage: java -jar happyos-registry.jar [OPTIONS]

                Starts the HappyOS Registry: an OSGi container (Apache Felix) that installs, orders and
                activates the plugin bundles found in a folder, and the Gogo shell to drive it.

                Options:
                  --bundles DIR       Plugin folder, watched while the container runs: new JARs are
                                      checked, registered and activated in dependency order,
                                      changed ones reloaded, removed ones unregistered; a bad
                                      file goes to DIR/.quarantine with the reason beside it.
                                      Default: ./bundles (created when missing).
                  --storage DIR       Folder for the framework cache and the log (DIR/logs/registry.log).
                                      Default: ./.happyos-registry
                  --clean             Start from an empty storage folder (the logs, the HTTP token
                                      and the SSH host key are kept).
                  --no-watch          Deploy the plugin folder at start-up only; do not watch it.
                  --no-auto-rollback  Keep a reloaded version that fails to start instead of
                                      reinstating the one that ran before.
                  --cluster CONNECT   Join a cluster of containers on ZooKeeper: CONNECT is
                                      HOST:PORT[,HOST:PORT...][/CHROOT] (chroot default /happyos).
                                      'embedded[:PORT]' starts a ZooKeeper server inside this
                                      container on 127.0.0.1 (port default 2181, 0 picks a free
                                      one), to try a cluster on one machine. Default: standalone.
                  --node NAME         This container's name in the cluster (default: the host name
                                      and a hash of the storage folder). Needs --cluster.
                  --cluster-session-timeout DURATION
                                      How soon a node that stopped answering leaves the cluster's
                                      view (1s to 10m, default 10s). Needs --cluster.
                  --cluster-auth FILE ZooKeeper digest credentials, one line USER:PASSWORD: the
                                      cluster's records are then open to those credentials only.
                                      Needs --cluster.
                  --http [HOST:]PORT  Serve the web console and HTTP API (a bare port listens on
                                      127.0.0.1; 0 picks a free one; the URL is printed at start).
                                      Reading is open from this machine; every change needs the
                                      bearer token in STORAGE/http.token (made at the first start,
                                      mode 0600). Default: nothing listens.
                  --http-tls KEYSTORE Serve HTTPS with this PKCS12 (or JKS) keystore; its password
                                      from the environment variable HAPPYOS_HTTP_TLS_PASSWORD.
                  --http-insecure     Accept plain HTTP on a HOST other than loopback (refused
                                      otherwise: the token would cross the network in clear).
                  --http-token-file FILE
                                      The bearer token's file instead of STORAGE/http.token.
                  --ssh [HOST:]PORT   Run the Gogo shell over SSH as well: a bare PORT listens on
                                      127.0.0.1, 0 picks a free one (the line 'SSH shell: ssh -p
                                      PORT ...' says which). Public keys only; every change made
                                      over SSH is audited as ssh:USER@ADDRESS. Needs
                                      --ssh-authorized-keys. Default: no SSH, nothing listens.
                  --ssh-authorized-keys FILE
                                      The public keys that may log in over SSH, in OpenSSH's
                                      authorized_keys format (ecdsa or rsa keys), read again when
                                      the file changes. Needs --ssh.
                  --etc DIR           The configuration folder (default: ./etc when it exists, or the
                                      environment variable HAPPYOS_ETC): happyos.properties (these
                                      settings, relative paths against DIR's parent),
                                      config.properties (framework properties for plugins),
                                      logback.xml, and PID.cfg / PID.config files for
                                      Configuration Admin, watched while the container runs.
                  --property KEY=VALUE
                                      A framework property for plugins (e.g.
                                      org.osgi.service.http.port=8080), over config.properties.
                                      Repeatable.
                  -c, --command LINE  Run a Gogo command line once the registry is ready, print its
                                      output, then stop. Repeatable: the lines run in order and the
                                      first one that fails stops the run (exit code 1).
                  -h, --help          Print this help and exit.
                  -V, --version       Print the version and exit.

                Without -c, on a terminal, a progress line shows the bundles folder being deployed,
                then the interactive shell starts: Tab completes commands, options and component
                ids, Up and Ctrl-R recall earlier lines, 'help' lists the commands, Ctrl-C
                interrupts a command, Ctrl-D stops the container. When standard input is not a
                terminal, its lines are run like -c commands until end of input; blank lines and
                lines starting with # are skipped.

                Every setting can also be given in etc/happyos.properties or as an environment
                variable (HAPPYOS_ and the key in capitals, e.g. HAPPYOS_BUNDLES_DIR); an option wins
                over the variable, the variable over the file. 'registry:settings' shows each value
                and where it came from.

                Exit codes: 0 success, 1 a command failed, 2 bad usage, 3 start-up failure.

                Examples:
                  java -jar happyos-registry.jar --bundles ./plugins
                  java -jar happyos-registry.jar --bundles ./plugins -c "registry:list" -c "registry:order"
                  echo "registry:list" | java -jar happyos-registry.jar --storage /tmp/registry --clean
                  java -jar happyos-registry.jar --bundles ./plugins --cluster 127.0.0.1:2181 --node alpha
                  java -jar happyos-registry.jar --bundles ./plugins --http 8080
                  java -jar happyos-registry.jar --ssh 2222 --ssh-authorized-keys ~/.ssh/id_ecdsa.pub
                """;
    }
}
