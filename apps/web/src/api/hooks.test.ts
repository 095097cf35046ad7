import { describe, expect, it } from "vitest";
import { PAGE_SIZE, searchQuery } from "./hooks";
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
