import { describe, expect, it } from "vitest";
import { PAGE_SIZE, refreshOnBookingEvent, searchQuery } from "./hooks";
import type { SearchFilters } from "./types";

const none: SearchFilters = {
  q: "",
  competition: "",
  city: "",
  venueType: "",
  maxPrice: "",
  minSeats: "",
  sort: "relevance",
  page: 0,
};

describe("searchQuery", () => {
  it("sends only what the guest set, so the API's defaults apply", () => {
    expect(searchQuery(none)).toBe(`page=0&size=${PAGE_SIZE}`);
  });

  it("sends every filter, trimmed, and the sort", () => {
    const query = new URLSearchParams(
      searchQuery({
        q: "  arsenal london ",
        competition: "Premier League",
        city: "London",
        venueType: "HOME",
        maxPrice: " 20 ",
        minSeats: "2",
        sort: "price",
        page: 3,
      }),
    );
    expect(Object.fromEntries(query)).toEqual({
      q: "arsenal london",
      competition: "Premier League",
      city: "London",
      venueType: "HOME",
      maxPrice: "20",
      minSeats: "2",
      sort: "price",
      page: "3",
      size: String(PAGE_SIZE),
    });
  });

  it("asks for relevance only with words to rank by", () => {
    expect(searchQuery({ ...none, q: "legia" })).toContain("sort=relevance");
    expect(searchQuery({ ...none, sort: "relevance" })).not.toContain("sort=");
  });
});

describe("refreshOnBookingEvent", () => {
  function client() {
    const invalidated: unknown[] = [];
    return {
      invalidated,
      invalidateQueries: (filters: { queryKey: readonly unknown[] }) => {
        invalidated.push(filters.queryKey);
        return Promise.resolve();
      },
    };
  }

  it("refetches the booking, the guest's bookings, the session and the inbox once per event", () => {
    const queries = client();
    const event = { bookingId: "b-1", sessionId: "s-1", status: "CONFIRMED" };

    // the header and the booking page both listen; both get the same parsed event
    expect(refreshOnBookingEvent(queries, event)).toBe(true);
    expect(refreshOnBookingEvent(queries, event)).toBe(false);

    expect(queries.invalidated).toHaveLength(4);
    expect(queries.invalidated).toContainEqual(["booking", "b-1"]);
    expect(queries.invalidated).toContainEqual(["bookings"]);
  });

  it("acts on the next event again, and ignores what is not an event", () => {
    const queries = client();

    refreshOnBookingEvent(queries, { bookingId: "b-1", sessionId: "s-1" });
    refreshOnBookingEvent(queries, { bookingId: "b-1", sessionId: "s-1" });
    expect(refreshOnBookingEvent(queries, null)).toBe(false);
    expect(refreshOnBookingEvent(queries, "booking")).toBe(false);

    expect(queries.invalidated).toHaveLength(8);
  });
});
