import { describe, expect, it, vi } from "vitest";
import { compact, daysBefore, labelEvery, linePath, niceMax, percent, plot, ticks } from "./chart";
import { noShowState } from "./noshow";
import { reasonMessage } from "./recommendation";
import { refundEstimate } from "./refund";
import { probeTiles, tileOf, tileUrl, type ImageLoader, type Timers } from "./tiles";

const total = { amount: "24.00", currency: "GBP" };
const kickoff = new Date("2026-12-10T20:00:00Z");
const hours = (h: number) => new Date(kickoff.getTime() - h * 3_600_000);

describe("refundEstimate", () => {
  it("FLEXIBLE refunds in full up to 24 h before kickoff, inclusive, then nothing", () => {
    const booked = hours(24 * 20);
    expect(refundEstimate("FLEXIBLE", total, booked, kickoff, hours(25))).toMatchObject({ full: true, amount: total });
    expect(refundEstimate("FLEXIBLE", total, booked, kickoff, hours(24)).full).toBe(true);
    const late = refundEstimate("FLEXIBLE", total, booked, kickoff, hours(23));
    expect(late.full).toBe(false);
    expect(late.amount).toEqual({ amount: "0.00", currency: "GBP" });
    expect(late.fullUntil).toBeUndefined();
  });

  it("MODERATE refunds up to 7 days before, or within 24 h of booking while the match has not started", () => {
    expect(refundEstimate("MODERATE", total, hours(24 * 30), kickoff, hours(24 * 8)).full).toBe(true);
    expect(refundEstimate("MODERATE", total, hours(24 * 30), kickoff, hours(24 * 6)).full).toBe(false);
    // booked 2 days before: a day of grace
    const grace = refundEstimate("MODERATE", total, hours(48), kickoff, hours(30));
    expect(grace.full).toBe(true);
    expect(grace.fullUntil).toEqual(hours(24));
    expect(refundEstimate("MODERATE", total, hours(48), kickoff, hours(23)).full).toBe(false);
    // booked an hour before kickoff: the grace ends with the kickoff
    expect(refundEstimate("MODERATE", total, hours(1), kickoff, new Date(kickoff.getTime() + 60_000)).full).toBe(false);
  });

  it("STRICT refunds nothing", () => {
    const strict = refundEstimate("STRICT", { amount: "90", currency: "PLN" }, hours(500), kickoff, hours(400));
    expect(strict).toEqual({ full: false, amount: { amount: "0", currency: "PLN" }, fullUntil: undefined });
  });
});

function fakeTimers(): { timers: Timers; fire: () => void } {
  const pending: (() => void)[] = [];
  return {
    timers: {
      set: (callback) => {
        pending.push(callback);
        return pending.length;
      },
      clear: (id) => {
        pending[(id as number) - 1] = () => undefined;
      },
    },
    fire: () => pending.forEach((callback) => callback()),
  };
}

describe("probeTiles", () => {
  it("loads the world tile of the template and says yes when it arrives", async () => {
    const asked: string[] = [];
    const loader: ImageLoader = (url, done) => {
      asked.push(url);
      queueMicrotask(() => done(true));
      return () => undefined;
    };
    const { timers } = fakeTimers();
    await expect(probeTiles("https://tiles.example/{z}/{x}/{y}.png", 1000, loader, timers)).resolves.toBe(true);
    expect(asked).toEqual(["https://tiles.example/0/0/0.png"]);
  });

  it("says no when the tile fails to load", async () => {
    const loader: ImageLoader = (_url, done) => {
      queueMicrotask(() => done(false));
      return () => undefined;
    };
    await expect(probeTiles("https://tiles.example/{z}/{x}/{y}.png", 1000, loader, fakeTimers().timers)).resolves.toBe(
      false,
    );
  });

  it("says no when nothing answers before the timeout, and stops the load", async () => {
    let cancelled = false;
    const loader: ImageLoader = () => () => {
      cancelled = true;
    };
    const clock = fakeTimers();
    const answer = probeTiles("https://tiles.example/{z}/{x}/{y}.png", 1000, loader, clock.timers);
    clock.fire();
    await expect(answer).resolves.toBe(false);
    expect(cancelled).toBe(true);
  });

  it("calls the global timers as plain functions, as browsers demand", async () => {
    const real = globalThis.setTimeout;
    // a browser's setTimeout throws "Illegal invocation" when called on another object
    vi.stubGlobal("setTimeout", function (this: unknown, callback: () => void, ms: number) {
      if (this !== undefined && this !== globalThis) {
        throw new TypeError("Illegal invocation");
      }
      return real(callback, ms);
    });
    try {
      const loader: ImageLoader = (_url, done) => {
        queueMicrotask(() => done(true));
        return () => undefined;
      };
      await expect(probeTiles("https://tiles.example/{z}/{x}/{y}.png", 1000, loader)).resolves.toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("says no without trying when no tile server is configured", async () => {
    await expect(probeTiles("", 1000, () => () => undefined)).resolves.toBe(false);
  });
});

describe("tiles", () => {
  it("fills the template and finds the tile of a point", () => {
    expect(tileUrl("/t/{z}/{x}/{y}", 3, 4, 5)).toBe("/t/3/4/5");
    expect(tileOf(0, 0, 1)).toEqual({ x: 1, y: 1 });
    const london = tileOf(51.5074, -0.1278, 10);
    expect(Math.floor(london.x)).toBe(511);
    expect(Math.floor(london.y)).toBe(340);
  });
});

describe("chart scaling", () => {
  it("rounds the top of the scale up to 1, 2, 2.5 or 5 × 10^n", () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(-3)).toBe(1);
    expect(niceMax(Number.NaN)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(21)).toBe(25);
    expect(niceMax(0.42)).toBe(0.5);
    expect(niceMax(480)).toBe(500);
  });

  it("spaces ticks evenly without floating-point noise", () => {
    expect(ticks(25)).toEqual([0, 6.25, 12.5, 18.75, 25]);
    expect(ticks(0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it("places values in the box: 0 at the bottom, the top of the scale at the top", () => {
    const box = { width: 120, height: 70, left: 10, right: 10, top: 10, bottom: 10 };
    const points = plot([0, 5, 10, -1], ["a", "b", "c", "d"], 10, box);
    expect(points.map((point) => point.x)).toEqual([10, 43.33, 76.67, 110]);
    expect(points.map((point) => point.y)).toEqual([60, 35, 10, 60]);
    expect(linePath(points.slice(0, 2))).toBe("M10 60 L43.33 35");
    expect(plot([3], ["only"], 0, box)[0]).toMatchObject({ x: 60, y: 10 });
  });

  it("thins the x labels and formats rates, short numbers and dates", () => {
    expect(labelEvery(30)).toBe(4);
    expect(labelEvery(5)).toBe(1);
    expect(percent(0.4567, "en")).toBe("45.7%");
    expect(percent(null, "en")).toBe("—");
    expect(percent(0.5, "pl")).toMatch(/^50\s?%$/);
    expect(compact(1200, "en")).toMatch(/^1\.2k$/i);
    expect(daysBefore("2026-03-01", 1)).toBe("2026-02-28");
  });
});

describe("no-show window", () => {
  const kickoff = "2026-11-21T20:00:00Z";
  const at = (iso: string) => Date.parse(iso);
  it("is open for a confirmed booking from kickoff until 72 h after", () => {
    const confirmed = { status: "CONFIRMED" };
    expect(noShowState(confirmed, kickoff, at("2026-11-21T19:59:59Z"))).toBe("tooEarly");
    expect(noShowState(confirmed, kickoff, at("2026-11-21T20:00:00Z"))).toBe("allowed");
    expect(noShowState(confirmed, kickoff, at("2026-11-24T20:00:00Z"))).toBe("allowed");
    expect(noShowState(confirmed, kickoff, at("2026-11-24T20:00:01Z"))).toBe("tooLate");
    expect(noShowState({ status: "CANCELLED" }, kickoff, at("2026-11-22T10:00:00Z"))).toBe("notConfirmed");
    expect(noShowState({ status: "CONFIRMED", noShowAt: "2026-11-21T21:00:00Z" }, kickoff, 0)).toBe("recorded");
  });
});

describe("reasonMessage", () => {
  it("says why a session is recommended, with the values its sentence needs", () => {
    expect(reasonMessage({ kind: "FAVOURITE_TEAM", team: "Legia Warszawa", bookings: 2 })).toEqual({
      key: "forYou.reason.team",
      values: { team: "Legia Warszawa" },
    });
    expect(reasonMessage({ kind: "POPULAR", bookings: 3, seats: 7 })).toEqual({
      key: "forYou.reason.popular",
      values: { count: 7 },
    });
    expect(reasonMessage({ kind: "NEARBY", distanceKm: 2.345 }).values).toEqual({ km: "2.3" });
    expect(reasonMessage({ kind: "NEARBY", distanceKm: 12.6 }).values).toEqual({ km: 13 });
  });

  it("never names another host", () => {
    const coBooked = reasonMessage({ kind: "CO_BOOKED", host: "a@example.com", bookedWith: "b@example.com", guests: 2 });
    const host = reasonMessage({ kind: "FAVOURITE_HOST", host: "a@example.com", bookings: 1 });

    expect(JSON.stringify([coBooked, host])).not.toContain("example.com");
  });
});
