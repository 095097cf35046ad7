// What cancelling a booking now would give back, by the session's refund policy (DOMAIN.md, and
// booking's RefundPolicy, which decides for real). No API previews it, so the app computes it and
// calls it an estimate.
import type { Money, RefundPolicy } from "../api/types";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface RefundEstimate {
  /** The whole total back, or nothing. */
  full: boolean;
  amount: Money;
  /** Until when the full refund holds (absent when there is none, or for STRICT). */
  fullUntil?: Date;
}

function zero(total: Money): Money {
  const decimals = total.amount.includes(".") ? total.amount.split(".")[1].length : 0;
  return { amount: (0).toFixed(decimals), currency: total.currency };
}

/**
 * FLEXIBLE: full up to 24 h before kickoff. MODERATE: full up to 7 days before kickoff, or within
 * 24 h of booking as long as the match has not started. STRICT: nothing. The boundaries are
 * inclusive, as in booking's RefundPolicy.
 */
export function refundEstimate(
  policy: RefundPolicy,
  total: Money,
  bookedAt: Date,
  kickoff: Date,
  now: Date,
): RefundEstimate {
  let fullUntil: Date | undefined;
  switch (policy) {
    case "FLEXIBLE":
      fullUntil = new Date(kickoff.getTime() - DAY);
      break;
    case "MODERATE": {
      const weekBefore = kickoff.getTime() - 7 * DAY;
      const graceEnd = Math.min(bookedAt.getTime() + DAY, kickoff.getTime() - 1);
      fullUntil = new Date(Math.max(weekBefore, graceEnd));
      break;
    }
    case "STRICT":
      fullUntil = undefined;
      break;
  }
  const full = fullUntil !== undefined && now.getTime() <= fullUntil.getTime();
  return { full, amount: full ? total : zero(total), fullUntil: full ? fullUntil : undefined };
}
