package io.happyos.registry.bench.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamParserTest {

    private final EventStreamParser parser = new EventStreamParser();

    private List<ServerSentEvent> feed(String... lines) {
        List<ServerSentEvent> events = new ArrayList<>();
        long t = 0;
        for (String line : lines) {
            parser.line(line, t++).ifPresent(events::add);
        }
        return events;
    }

    @Test
    void aStatusEventAsTheContractWritesIt() {
        List<ServerSentEvent> events = feed(
                "id: 42",
                "event: status",
                "data: {\"sequence\":42,\"id\":\"a\",\"from\":\"ACTIVE\",\"to\":\"INACTIVE\",\"at\":\"2025-01-01T00:00:00Z\"}",
                "");

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("42");
            assertThat(e.type()).isEqualTo("status");
            assertThat(e.arrivedNanos()).isEqualTo(3);
            StatusEvent status = StatusEvent.of(e);
            assertThat(status.sequence()).isEqualTo(42);
            assertThat(status.id()).isEqualTo("a");
            assertThat(status.to()).isEqualTo("INACTIVE");
        });
    }

    @Test
    void commentsAreSkippedAndABlankLineWithoutDataDispatchesNothing() {
        assertThat(feed(": keep-alive", "", "event: status", "")).isEmpty();
        assertThat(feed("data: x", "")).singleElement().satisfies(e -> {
            assertThat(e.type()).as("the event type does not carry over").isEqualTo("message");
            assertThat(e.data()).isEqualTo("x");
        });
    }

    @Test
    void dataLinesAreJoinedAndOnlyOneSpaceAfterTheColonIsDropped() {
        assertThat(feed("data:a", "data:  b", "data", ""))
                .singleElement()
                .satisfies(e -> assertThat(e.data()).isEqualTo("a\n b\n"));
    }

    @Test
    void theLastIdCarriesOverToLaterEvents() {
        assertThat(feed("id: 7", "data: one", "", "data: two", ""))
                .extracting(ServerSentEvent::id)
                .containsExactly("7", "7");
    }

    @Test
    void aStatusEventWithoutIdOrToIsRefused() {
        ServerSentEvent event = new ServerSentEvent("1", "status", "{\"sequence\":1,\"id\":\"a\"}", 0);

        assertThatThrownBy(() -> StatusEvent.of(event)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theListsBothSidesAnswerAreCounted() {
        assertThat(JsonArrays.length("[{\"id\":\"a\",\"dependencies\":[\"b\"]},{\"id\":\"b\"}]"))
                .isEqualTo(2);
        assertThat(JsonArrays.length(
                        "{\"status\":\"s\",\"s\":[3,3,0,0,0],\"data\":[{\"id\":0},{\"id\":1},{\"id\":2}]}", "data"))
                .isEqualTo(3);
        assertThatThrownBy(() -> JsonArrays.length("{\"data\":1}", "data"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
