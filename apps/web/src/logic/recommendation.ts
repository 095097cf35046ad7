import type { MessageKey } from "../i18n/en";
import type { RecommendationReason } from "../api/types";

/**
 * The sentence of one reason, as a message key and its values. Another host is never named: a guest
 * learns that guests like them book there, not who the other host is.
 */
export function reasonMessage(reason: RecommendationReason): { key: MessageKey; values: Record<string, string | number> } {
  switch (reason.kind) {
    case "FAVOURITE_TEAM":
      return { key: "forYou.reason.team", values: { team: reason.team } };
    case "FAVOURITE_HOST":
      return { key: "forYou.reason.host", values: {} };
    case "CO_BOOKED":
      return { key: "forYou.reason.coBooked", values: {} };
    case "POPULAR":
      return { key: "forYou.reason.popular", values: { count: reason.seats } };
    case "NEARBY":
      return { key: "forYou.reason.nearby", values: { km: reason.distanceKm < 10 ? reason.distanceKm.toFixed(1) : Math.round(reason.distanceKm) } };
  }
}
