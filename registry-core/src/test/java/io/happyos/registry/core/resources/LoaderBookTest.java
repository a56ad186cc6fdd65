package io.happyos.registry.core.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LoaderBookTest {

    private final LoaderBook book = new LoaderBook();

    @Test
    void anUnknownLoaderQueuesItsClassNamesOnceUntilAMarkerMapsIt() {
        book.seen(17, "com.acme.A");
        book.seen(17, "com.acme.A");
        book.seen(17, "com.acme.B");

        assertThat(book.takeWork()).containsExactly("com.acme.A", "com.acme.B");
        assertThat(book.takeWork()).isEmpty();
        assertThat(book.bundleOf(17)).isNull();

        book.learn(17, 5);
        book.seen(17, "com.acme.C");

        assertThat(book.bundleOf(17)).isEqualTo(5L);
        assertThat(book.takeWork()).isEmpty();
    }

    @Test
    void hiddenClassesAreNotLookedFor() {
        book.seen(17, "com.acme.A$$Lambda$14/0x0000000800c0b000");

        assertThat(book.takeWork()).isEmpty();
    }

    @Test
    void aLoaderNoMarkerMapsIsGivenUpAfterAFewNames() {
        for (int i = 0; i < 20; i++) {
            book.seen(17, "gen.Script" + i);
        }

        assertThat(book.takeWork()).hasSize(LoaderBook.NAMES_PER_LOADER);
    }

    @Test
    void loadersNoLongerSeenAreForgotten() {
        book.learn(17, 5);
        book.learn(18, 6);

        book.retainOnly(Set.of(18L));

        assertThat(book.bundleOf(17)).isNull();
        assertThat(book.bundleOf(18)).isEqualTo(6L);
    }
}
