// When a host may record a no-show (booking's rule, ADR 20): a confirmed booking, from kickoff until 72 h after.

export const NO_SHOW_WINDOW_MS = 72 * 60 * 60 * 1000;

export type NoShowState = "recorded" | "allowed" | "tooEarly" | "tooLate" | "notConfirmed";

export function noShowState(
  booking: { status: string; noShowAt?: string | null },
  kickoff: string,
  now: number,
): NoShowState {
  if (booking.noShowAt) return "recorded";
  if (booking.status !== "CONFIRMED") return "notConfirmed";
  const start = Date.parse(kickoff);
  if (now < start) return "tooEarly";
  if (now > start + NO_SHOW_WINDOW_MS) return "tooLate";
  return "allowed";
}
