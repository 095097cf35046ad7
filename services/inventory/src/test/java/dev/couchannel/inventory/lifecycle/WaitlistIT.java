package dev.couchannel.inventory.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.contracts.inventory.v1.SeatsHeld;
import dev.couchannel.contracts.inventory.v1.SeatsUnavailable;
import dev.couchannel.contracts.inventory.v1.WaitlistJoined;
import dev.couchannel.contracts.inventory.v1.WaitlistOfferExpired;
import dev.couchannel.contracts.inventory.v1.WaitlistOfferMade;
import dev.couchannel.inventory.seating.Seats;
import dev.couchannel.platform.testing.TopicProbe;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Sold out: guests wait in line, freed seats are offered in turn, an offer is accepted by booking or runs out. */
class WaitlistIT extends SessionTestSupport {

    static final String GUEST = "guest@example.com";
    static final String GUEST_2 = "guest2@example.com";
    static final Pattern ENTRY = Pattern.compile("\"entryId\":\"([0-9a-f-]{36})\"");
    static final Pattern OFFER = Pattern.compile("\"offer\":\\{\"id\":\"([0-9a-f-]{36})\"");

    @Test
    void guestsJoinASoldOutSessionInOrderOncePerSession() throws Exception {
        UUID id = published(2);
        HttpResponse<String> early = post(waitlist(id), GUEST, "{\"seats\":1}");
        assertProblem(early, 409);
        assertThat(early.body()).contains("book them instead");
        soldOut(id, 2);

        HttpResponse<String> joined = post(waitlist(id), GUEST, "{\"seats\":2}");

        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
        assertThat(joined.body()).contains("\"position\":1").contains("\"status\":\"WAITING\"");
        String entry = match(ENTRY, joined.body());
        WaitlistJoined event =
                WaitlistJoined.parseFrom(event(id, "WaitlistJoined").value());
        assertThat(event.getEntryId()).isEqualTo(entry);
        assertThat(event.getGuestId()).isEqualTo(GUEST);
        assertThat(event.getPosition()).isEqualTo(1);

        HttpResponse<String> again = post(waitlist(id), GUEST, "{\"seats\":2}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(match(ENTRY, again.body())).isEqualTo(entry);
        assertProblem(post(waitlist(id), GUEST, "{\"seats\":1}"), 409);
        assertThat(post(waitlist(id), GUEST_2, "{\"seats\":1}").body()).contains("\"position\":2");

        for (String bad : List.of("{\"seats\":0}", "{\"seats\":21}", "{}")) {
            HttpResponse<String> response = post(waitlist(id), "guest3@example.com", bad);
            assertProblem(response, 400);
            assertThat(response.body()).contains("\"field\":\"seats\"");
        }
        assertProblem(post(waitlist(id), null, "{\"seats\":1}"), 401);
        assertProblem(post(waitlist(UUID.randomUUID()), GUEST, "{\"seats\":1}"), 404);
        assertProblem(post(waitlist(draft(2)), GUEST, "{\"seats\":1}"), 404);

        assertThat(delete(waitlist(id), GUEST).statusCode()).isEqualTo(204);
        assertThat(get(waitlist(id) + "/me", GUEST).body()).contains("\"status\":\"LEFT\"");
        assertThat(get(waitlist(id) + "/me", GUEST_2).body()).contains("\"position\":1");
        assertProblem(delete(waitlist(id), GUEST), 404);
        assertProblem(get(waitlist(id) + "/me", "guest3@example.com"), 404);
        assertThat(jdbc.sql("SELECT count(*) FROM waitlist_entries WHERE session_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void freedSeatsAreOfferedInTurnAndAcceptedByBookingWithTheOffer() throws Exception {
        UUID id = published(3);
        UUID first = soldOut(id, 3);
        post(waitlist(id), GUEST, "{\"seats\":2}");
        post(waitlist(id), GUEST_2, "{\"seats\":1}");

        release(id, first);

        List<WaitlistOfferMade> offers = events
                .awaitCount(
                        record -> id.toString().equals(record.key())
                                && "couchannel.inventory.v1.WaitlistOfferMade"
                                        .equals(TopicProbe.header(record, "ce_type")),
                        2,
                        WAIT)
                .stream()
                .map(WaitlistIT::offerMade)
                .toList();
        assertThat(offers).extracting(WaitlistOfferMade::getGuestId).containsExactly(GUEST, GUEST_2);
        assertThat(seats(id)).isEqualTo(new Seats(3, 0, 3, 0));
        assertSeatsAccountedFor(id);
        HttpResponse<String> mine = get(waitlist(id) + "/me", GUEST);
        assertThat(mine.body()).contains("\"status\":\"OFFERED\"");
        String offer = match(OFFER, mine.body());
        assertThat(offer).isEqualTo(offers.getFirst().getOfferId());
        String otherOffer = offers.get(1).getOfferId();

        UUID wrongGuest = UUID.randomUUID();
        send(
                id,
                holdSeats(id, wrongGuest, 1)
                        .setWaitlistOfferId(otherOffer)
                        .setGuestId(GUEST)
                        .build());
        assertThat(unavailable(wrongGuest)).isEqualTo("This waitlist offer is for another guest.");
        UUID wrongSeats = UUID.randomUUID();
        send(
                id,
                holdSeats(id, wrongSeats, 1)
                        .setWaitlistOfferId(offer)
                        .setGuestId(GUEST)
                        .build());
        assertThat(unavailable(wrongSeats)).isEqualTo("This waitlist offer is for 2 seats; book exactly 2.");
        UUID unknown = UUID.randomUUID();
        send(
                id,
                holdSeats(id, unknown, 2)
                        .setWaitlistOfferId(UUID.randomUUID().toString())
                        .setGuestId(GUEST)
                        .build());
        assertThat(unavailable(unknown)).isEqualTo("There is no such waitlist offer for this session.");
        assertThat(seats(id)).isEqualTo(new Seats(3, 0, 3, 0));

        UUID booking = UUID.randomUUID();
        send(
                id,
                holdSeats(id, booking, 2)
                        .setWaitlistOfferId(offer)
                        .setGuestId(GUEST)
                        .build());
        SeatsHeld held = SeatsHeld.parseFrom(reply(booking, "SeatsHeld").value());
        assertThat(held.getSeats()).isEqualTo(2);
        assertThat(seats(id)).isEqualTo(new Seats(3, 0, 3, 0));
        assertSeatsAccountedFor(id);
        assertThat(get(waitlist(id) + "/me", GUEST).body()).contains("\"status\":\"BOOKED\"");

        confirm(id, booking);
        reply(booking, "SeatsConfirmed");
        assertThat(seats(id)).isEqualTo(new Seats(3, 0, 1, 2));
        assertSeatsAccountedFor(id);

        UUID reused = UUID.randomUUID();
        send(
                id,
                holdSeats(id, reused, 2)
                        .setWaitlistOfferId(offer)
                        .setGuestId(GUEST)
                        .build());
        assertThat(unavailable(reused)).isEqualTo("This waitlist offer was already used for another booking.");
    }

    @Test
    void anOfferNotTakenInTimeGoesToTheNextInLineAndLeavingGivesTheSeatsBack() throws Exception {
        UUID id = published(2);
        UUID first = soldOut(id, 2);
        post(waitlist(id), GUEST, "{\"seats\":2}");
        post(waitlist(id), GUEST_2, "{\"seats\":2}");

        release(id, first);

        WaitlistOfferMade toFirst = offerMade(event(id, "WaitlistOfferMade"));
        assertThat(toFirst.getGuestId()).isEqualTo(GUEST);
        WaitlistOfferExpired expired =
                WaitlistOfferExpired.parseFrom(event(id, "WaitlistOfferExpired").value());
        assertThat(expired.getOfferId()).isEqualTo(toFirst.getOfferId());
        WaitlistOfferMade toSecond = offerMade(events.await(
                record -> id.toString().equals(record.key())
                        && "couchannel.inventory.v1.WaitlistOfferMade".equals(TopicProbe.header(record, "ce_type"))
                        && offerMade(record).getGuestId().equals(GUEST_2),
                WAIT));
        assertThat(toSecond.getSeats()).isEqualTo(2);
        assertThat(get(waitlist(id) + "/me", GUEST).body()).contains("\"status\":\"EXPIRED\"");
        assertThat(seats(id)).isEqualTo(new Seats(2, 0, 2, 0));
        assertSeatsAccountedFor(id);

        UUID late = UUID.randomUUID();
        send(
                id,
                holdSeats(id, late, 2)
                        .setWaitlistOfferId(toFirst.getOfferId())
                        .setGuestId(GUEST)
                        .build());
        assertThat(unavailable(late)).isEqualTo("This waitlist offer expired.");

        assertThat(delete(waitlist(id), GUEST_2).statusCode()).isEqualTo(204);
        assertThat(seats(id)).isEqualTo(Seats.empty(2));
        assertSeatsAccountedFor(id);
    }

    @Test
    void aCancelledSessionClosesItsWaitlistAndWithdrawsOpenOffers() throws Exception {
        UUID id = published(1);
        UUID first = soldOut(id, 1);
        post(waitlist(id), GUEST, "{\"seats\":1}");
        post(waitlist(id), GUEST_2, "{\"seats\":1}");
        release(id, first);
        String offer = offerMade(event(id, "WaitlistOfferMade")).getOfferId();
        assertThat(seats(id)).isEqualTo(new Seats(1, 0, 1, 0));

        assertThat(post("/api/sessions/" + id + "/cancel", HOST, null).statusCode())
                .isEqualTo(200);

        assertThat(seats(id)).isEqualTo(Seats.empty(1));
        assertSeatsAccountedFor(id);
        assertThat(get(waitlist(id) + "/me", GUEST).body()).contains("\"status\":\"CLOSED\"");
        assertThat(get(waitlist(id) + "/me", GUEST_2).body()).contains("\"status\":\"CLOSED\"");
        UUID booking = UUID.randomUUID();
        send(
                id,
                holdSeats(id, booking, 1)
                        .setWaitlistOfferId(offer)
                        .setGuestId(GUEST)
                        .build());
        assertThat(unavailable(booking)).isEqualTo("This session has been cancelled.");
        HttpResponse<String> join = post(waitlist(id), "guest3@example.com", "{\"seats\":1}");
        assertProblem(join, 409);
        assertThat(join.body()).contains("cancelled");
    }

    /** Books every seat of a session (held, not yet sold); returns the booking. */
    private UUID soldOut(UUID id, int seats) {
        UUID booking = UUID.randomUUID();
        hold(id, booking, seats);
        reply(booking, "SeatsHeld");
        return booking;
    }

    private String unavailable(UUID booking) throws Exception {
        return SeatsUnavailable.parseFrom(reply(booking, "SeatsUnavailable").value())
                .getReason();
    }

    /** The session's counts match its holds and open offers: held = HELD holds + OPEN offers. */
    private void assertSeatsAccountedFor(UUID id) {
        Seats seats = seats(id);
        int heldByHolds =
                sum("SELECT coalesce(sum(seats), 0) FROM seat_holds WHERE session_id = :id AND status = 'HELD'", id);
        int heldByOffers = sum(
                "SELECT coalesce(sum(seats), 0) FROM waitlist_offers WHERE session_id = :id AND status = 'OPEN'", id);
        int sold = sum("SELECT coalesce(sum(seats), 0) FROM seat_holds WHERE session_id = :id AND status = 'SOLD'", id);
        assertThat(seats.held()).as("held = HELD holds + OPEN offers").isEqualTo(heldByHolds + heldByOffers);
        assertThat(seats.sold()).as("sold = SOLD holds").isEqualTo(sold);
        assertThat(seats.free() + seats.held() + seats.sold()).isEqualTo(seats.capacity());
    }

    private int sum(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Integer.class).single();
    }

    private static String waitlist(UUID id) {
        return "/api/sessions/" + id + "/waitlist";
    }

    private static WaitlistOfferMade offerMade(ConsumerRecord<String, byte[]> record) {
        try {
            return WaitlistOfferMade.parseFrom(record.value());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
