// Every server state the app shows, through TanStack Query. Pages use these hooks only.
import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, idempotencyKey, problemOf, requestHeaders } from "./client";
import { SharedStream, type EventSourceLike } from "./sharedStream";
import type {
  SessionBookings,
  Analytics,
  AnalyticsInterval,
  HostPayouts,
  HostProfile,
  HostProfileRequest,
  AuditEvent,
  Booking,
  IdentityUser,
  NotificationPage,
  NotificationPreferences,
  Quote,
  RecommendedSession,
  Review,
  ReviewRequest,
  Role,
  SearchFilters,
  SessionSearchPage,
  VenuePhoto,
  VenueReviewPage,
  WaitlistPlace,
  ComplianceRule,
  ComplianceRuleRequest,
  Fixture,
  HostDashboard,
  Me,
  Session,
  SessionDetails,
  SessionRequest,
  Venue,
  VenueRequest,
} from "./types";

export const keys = {
  me: ["me"] as const,
  sessions: ["sessions"] as const,
  session: (id: string) => ["session", id] as const,
  fixtures: ["fixtures"] as const,
  bookings: ["bookings"] as const,
  booking: (id: string) => ["booking", id] as const,
  venues: ["venues", "mine"] as const,
  dashboard: ["dashboard", "me"] as const,
  rules: ["compliance", "rules"] as const,
  search: (filters: SearchFilters) => ["search", filters] as const,
  quote: (sessionId: string, seats: number) => ["quote", sessionId, seats] as const,
  waitlist: (sessionId: string) => ["waitlist", sessionId] as const,
  venueReviews: (venueId: string) => ["reviews", venueId] as const,
  notifications: ["notifications"] as const,
  preferences: ["preferences"] as const,
  photos: (venueId: string) => ["photos", venueId] as const,
  users: (q: string) => ["users", q] as const,
  audit: (type: string) => ["audit", type] as const,
  profile: ["profile", "me"] as const,
  payouts: ["payouts", "me"] as const,
  analytics: (scope: "me" | "admin", from: string, to: string, interval: AnalyticsInterval) =>
    ["analytics", scope, from, to, interval] as const,
  reported: ["reviews", "reported"] as const,
};

/** Who is signed in; null when nobody is (401). */
export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api<Me>("/api/me");
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** Where the guest's search gets its sessions: search's read model (filters, sort, facets, pages). */
const SESSION_SOURCE = "/api/search/sessions";
export const PAGE_SIZE = 12;

export function useFixtures() {
  return useQuery({
    queryKey: keys.fixtures,
    queryFn: () => api<Fixture[]>("/api/fixtures"),
    staleTime: 5 * 60_000,
  });
}

/** The query string of a search: only what the guest set, so the API applies its defaults. */
export function searchQuery(filters: SearchFilters): string {
  const params = new URLSearchParams();
  const text = filters.q.trim();
  if (text) params.set("q", text);
  if (filters.competition) params.set("competition", filters.competition);
  if (filters.city) params.set("city", filters.city);
  if (filters.venueType) params.set("venueType", filters.venueType);
  if (filters.maxPrice.trim()) params.set("maxPrice", filters.maxPrice.trim());
  if (filters.minSeats.trim()) params.set("minSeats", filters.minSeats.trim());
  // relevance needs words to rank by; without them the API sorts by kickoff anyway
  if (filters.sort !== "relevance" || text) params.set("sort", filters.sort);
  params.set("page", String(filters.page));
  params.set("size", String(PAGE_SIZE));
  return params.toString();
}

/** Published, upcoming sessions matching the guest's filters, with facets; the previous page stays while the next loads. */
/** "Sessions for you" of the signed-in guest (recommendation's stores); none while it warms up. */
export function useRecommendations(enabled: boolean) {
  return useQuery({
    queryKey: ["recommendations"],
    queryFn: () => api<{ sessions: RecommendedSession[] }>("/api/me/recommendations?limit=6"),
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}

export function useSessionSearch(filters: SearchFilters) {
  return useQuery({
    queryKey: keys.search(filters),
    queryFn: ({ signal }) => api<SessionSearchPage>(`${SESSION_SOURCE}?${searchQuery(filters)}`, { signal }),
    placeholderData: (previous) => previous,
  });
}

export function useSession(id: string) {
  return useQuery({
    queryKey: keys.session(id),
    queryFn: () => api<SessionDetails>(`/api/sessions/${encodeURIComponent(id)}`),
  });
}

/** Streams a session's seats left into its cached view (`event: seats`) while the page is open. */
export function useLiveSeats(id: string) {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === "undefined") {
      return undefined;
    }
    const source = new EventSource(`/api/sessions/${encodeURIComponent(id)}/events`, { withCredentials: true });
    source.addEventListener("seats", (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { seatsLeft: number };
      client.setQueryData<SessionDetails>(keys.session(id), (current) =>
        current ? { ...current, seatsLeft: data.seatsLeft } : current,
      );
    });
    source.onerror = () => {
      // no stream (not routed, or down): the page still shows what GET answered; stop retrying
      if (source.readyState === EventSource.CLOSED) {
        source.close();
      }
    };
    return () => source.close();
  }, [id, client]);
}

/** The signed-in user's events, one stream for the whole app (the header and a booking page share it). */
const myEvents = new SharedStream(
  "/api/me/events",
  ["booking"],
  (url) => new EventSource(url, { withCredentials: true }) as EventSourceLike,
);

/** The part of TanStack's `QueryClient` that `refreshOnBookingEvent` uses. */
interface QueryInvalidator {
  invalidateQueries(filters: { queryKey: readonly unknown[] }): Promise<unknown>;
}

/** Booking events already acted on. Every listener of the stream gets the same parsed event. */
const refreshed = new WeakSet<object>();

/**
 * Makes what a booking event changes refetch: the booking, the guest's list, the session's seats and
 * the inbox. Several components listen to the stream, and the first one to get an event does it for
 * all of them; returns whether this call did.
 */
export function refreshOnBookingEvent(client: QueryInvalidator, event: unknown): boolean {
  if (typeof event !== "object" || event === null || refreshed.has(event)) {
    return false;
  }
  refreshed.add(event);
  const data = event as { bookingId: string; sessionId: string };
  void client.invalidateQueries({ queryKey: keys.booking(data.bookingId) });
  void client.invalidateQueries({ queryKey: keys.bookings });
  void client.invalidateQueries({ queryKey: keys.session(data.sessionId) });
  void client.invalidateQueries({ queryKey: keys.notifications });
  return true;
}

/**
 * Whether the signed-in user's event stream (`/api/me/events`) is open. Booking status events make
 * the booking queries refetch; while the stream is not open, callers poll instead.
 */
export function useMyEvents(enabled: boolean): boolean {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") {
      return undefined;
    }
    const unsubscribe = myEvents.subscribe({
      onOpenChange: setOpen,
      onEvent: (_type, event) => refreshOnBookingEvent(client, event),
    });
    return () => {
      unsubscribe();
      setOpen(false);
    };
  }, [enabled, client]);
  return open;
}

const POLL_MS = 2000;

function unsettled(booking: Booking | undefined): boolean {
  return booking?.status === "PENDING" || booking?.refundStatus === "PENDING";
}

/** One booking, live: pushed by the event stream, else polled every 2 s until it is decided. */
export function useBooking(id: string) {
  const streaming = useMyEvents(true);
  return useQuery({
    queryKey: keys.booking(id),
    queryFn: () => api<Booking>(`/api/bookings/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (unsettled(query.state.data) ? (streaming ? POLL_MS * 5 : POLL_MS) : false),
  });
}

export function useMyBookings() {
  const streaming = useMyEvents(true);
  return useQuery({
    queryKey: keys.bookings,
    queryFn: () => api<Booking[]>("/api/bookings"),
    refetchInterval: (query) =>
      (query.state.data ?? []).some(unsettled) ? (streaming ? POLL_MS * 5 : POLL_MS) : false,
  });
}

export interface BookingIntent {
  sessionId: string;
  seats: number;
  paymentMethod: string;
  key: string;
  quoteId?: string;
  waitlistOfferId?: string;
}

/** POST /api/bookings, waiting a few seconds for the saga's decision (`Prefer: wait`). */
export function useBook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (intent: BookingIntent) =>
      api<Booking>("/api/bookings", {
        method: "POST",
        headers: { "Idempotency-Key": intent.key, Prefer: "wait=5" },
        body: {
          sessionId: intent.sessionId,
          seats: intent.seats,
          paymentMethod: intent.paymentMethod,
          quoteId: intent.quoteId,
          waitlistOfferId: intent.waitlistOfferId,
        },
      }),
    onSuccess: (booking) => {
      client.setQueryData(keys.booking(booking.id), booking);
      void client.invalidateQueries({ queryKey: keys.bookings });
      void client.invalidateQueries({ queryKey: keys.session(booking.sessionId) });
      void client.invalidateQueries({ queryKey: keys.waitlist(booking.sessionId) });
      void client.invalidateQueries({ queryKey: ["quote", booking.sessionId] });
    },
  });
}

export { idempotencyKey };

/**
 * A price quote for these seats (`POST /api/quotes`), asked again shortly before it expires so the
 * shown price is always one the booking can lock.
 */
export function useQuote(sessionId: string, seats: number, enabled: boolean) {
  return useQuery({
    queryKey: keys.quote(sessionId, seats),
    queryFn: () => api<Quote>("/api/quotes", { method: "POST", body: { sessionId, seats } }),
    enabled,
    retry: false,
    staleTime: (query) => {
      const expires = query.state.data ? Date.parse(query.state.data.expiresAt) : 0;
      return Math.max(0, expires - Date.now() - 10_000);
    },
    refetchInterval: (query) => {
      const expires = query.state.data ? Date.parse(query.state.data.expiresAt) : 0;
      return expires ? Math.max(5_000, expires - Date.now() - 10_000) : false;
    },
  });
}

/** The caller's place on a session's waitlist; null when they never joined (404). */
export function useWaitlistPlace(sessionId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.waitlist(sessionId),
    queryFn: async (): Promise<WaitlistPlace | null> => {
      try {
        return await api<WaitlistPlace>(`/api/sessions/${encodeURIComponent(sessionId)}/waitlist/me`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          return null;
        }
        throw error;
      }
    },
    enabled,
    refetchInterval: (query) => (query.state.data?.status === "WAITING" ? 10_000 : false),
  });
}

export function useJoinWaitlist(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (seats: number) =>
      api<WaitlistPlace>(`/api/sessions/${encodeURIComponent(sessionId)}/waitlist`, {
        method: "POST",
        body: { seats },
      }),
    onSuccess: (place) => client.setQueryData(keys.waitlist(sessionId), place),
  });
}

export function useLeaveWaitlist(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<void>(`/api/sessions/${encodeURIComponent(sessionId)}/waitlist`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.waitlist(sessionId) }),
  });
}

/** A venue's visible reviews with its rating (the review service). */
export function useVenueReviews(venueId: string | undefined) {
  return useQuery({
    queryKey: keys.venueReviews(venueId ?? ""),
    queryFn: () => api<VenueReviewPage>(`/api/venues/${encodeURIComponent(venueId ?? "")}/reviews?size=5`),
    enabled: Boolean(venueId),
  });
}

export function usePostReview() {
  return useMutation({
    mutationFn: (review: ReviewRequest) => api<Review>("/api/reviews", { method: "POST", body: review }),
  });
}

/** The inbox; refreshed when a booking event arrives and every 30 s. */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: keys.notifications,
    queryFn: () => api<NotificationPage>("/api/me/notifications?size=50"),
    enabled,
    refetchInterval: 30_000,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string | "all") =>
      id === "all"
        ? api<unknown>("/api/me/notifications/read-all", { method: "POST" })
        : api<void>(`/api/me/notifications/${encodeURIComponent(id)}/read`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.notifications }),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: keys.preferences,
    queryFn: () => api<NotificationPreferences>("/api/me/notification-preferences"),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (preferences: NotificationPreferences) =>
      api<NotificationPreferences>("/api/me/notification-preferences", { method: "PUT", body: preferences }),
    onSuccess: (saved) => client.setQueryData(keys.preferences, saved),
  });
}

export function usePushPublicKey(enabled: boolean) {
  return useQuery({
    queryKey: ["push", "key"],
    queryFn: () => api<{ publicKey: string }>("/api/notifications/push/public-key"),
    enabled,
    staleTime: Infinity,
  });
}

export function useSavePushSubscription() {
  return useMutation({
    mutationFn: (subscription: PushSubscriptionJSON) =>
      api<{ id: string; endpoint: string }>("/api/me/push-subscriptions", { method: "POST", body: subscription }),
  });
}

export function useVenuePhotos(venueId: string) {
  return useQuery({
    queryKey: keys.photos(venueId),
    queryFn: () => api<VenuePhoto[]>(`/api/venues/${encodeURIComponent(venueId)}/photos`),
  });
}

export function useUploadPhoto(venueId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      api<VenuePhoto>(`/api/venues/${encodeURIComponent(venueId)}/photos`, {
        method: "POST",
        raw: file,
        headers: { "Content-Type": file.type || "application/octet-stream" },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.photos(venueId) }),
  });
}

export function useDeletePhoto(venueId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (photoId: string) =>
      api<void>(`/api/venues/${encodeURIComponent(venueId)}/photos/${encodeURIComponent(photoId)}`, {
        method: "DELETE",
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.photos(venueId) }),
  });
}

export function useUsers(q: string) {
  return useQuery({
    queryKey: keys.users(q),
    queryFn: ({ signal }) =>
      api<IdentityUser[]>(`/api/admin/users?limit=100${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ""}`, {
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

export function useChangeRoles() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, roles }: { id: string; roles: Role[] }) =>
      api<IdentityUser>(`/api/admin/users/${encodeURIComponent(id)}/roles`, { method: "PUT", body: { roles } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["users"] });
      void client.invalidateQueries({ queryKey: ["audit"] });
    },
  });
}

export function useAudit(type: string) {
  return useQuery({
    queryKey: keys.audit(type),
    queryFn: () => api<AuditEvent[]>(`/api/admin/audit?limit=50${type ? `&type=${encodeURIComponent(type)}` : ""}`),
  });
}

export function useCancelBooking() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Booking>(`/api/bookings/${encodeURIComponent(id)}/cancel`, { method: "POST" }),
    onSuccess: (booking) => {
      client.setQueryData(keys.booking(booking.id), booking);
      void client.invalidateQueries({ queryKey: keys.bookings });
      void client.invalidateQueries({ queryKey: keys.session(booking.sessionId) });
    },
  });
}

export function useMyVenues() {
  return useQuery({ queryKey: keys.venues, queryFn: () => api<Venue[]>("/api/hosts/me/venues") });
}

export function useRegisterVenue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (venue: VenueRequest) => api<Venue>("/api/venues", { method: "POST", body: venue }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.venues }),
  });
}

export function useDashboard() {
  return useQuery({ queryKey: keys.dashboard, queryFn: () => api<HostDashboard>("/api/hosts/me/dashboard") });
}

export function usePlanSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: SessionRequest) => api<Session>("/api/sessions", { method: "POST", body: request }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.dashboard }),
  });
}

export function usePublishSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Session>(`/api/sessions/${encodeURIComponent(id)}/publish`, { method: "POST" }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.dashboard });
      void client.invalidateQueries({ queryKey: ["search"] });
    },
  });
}

export function useRules() {
  return useQuery({ queryKey: keys.rules, queryFn: () => api<ComplianceRule[]>("/api/admin/compliance/rules") });
}

export function useAddRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rule: ComplianceRuleRequest) =>
      api<ComplianceRule>("/api/admin/compliance/rules", { method: "POST", body: rule }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.rules }),
  });
}

export function useDisableRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<ComplianceRule>(`/api/admin/compliance/rules/${encodeURIComponent(id)}/disable`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.rules }),
  });
}

/** Ends the BFF session (POST /bff/logout with the CSRF header) and identity's with it. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      // the gateway answers with a redirect to identity's end-session endpoint, which redirects back
      // to the app: following it in the background ends both sessions
      let response: Response;
      try {
        response = await fetch("/bff/logout", {
          method: "POST",
          credentials: "same-origin",
          headers: requestHeaders("POST", false),
        });
      } catch {
        throw new ApiError(0, {});
      }
      if (!response.ok) {
        throw new ApiError(response.status, await problemOf(response));
      }
    },
    onSettled: () => {
      client.clear();
      void client.invalidateQueries({ queryKey: keys.me });
    },
  });
}

/** The caller's host profile; null until they write one (404). */
export function useMyProfile() {
  return useQuery({
    queryKey: keys.profile,
    queryFn: async (): Promise<HostProfile | null> => {
      try {
        return await api<HostProfile>("/api/hosts/me/profile");
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          return null;
        }
        throw error;
      }
    },
  });
}

export function useSaveProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profile: HostProfileRequest) =>
      api<HostProfile>("/api/hosts/me/profile", { method: "PUT", body: profile }),
    onSuccess: (saved) => {
      client.setQueryData(keys.profile, saved);
      void client.invalidateQueries({ queryKey: ["session"] });
    },
  });
}

export function usePayouts() {
  return useQuery({ queryKey: keys.payouts, queryFn: () => api<HostPayouts>("/api/hosts/me/payouts?limit=50") });
}

export function useSavePayoutAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) =>
      api<{ hostId: string; accountId: string }>("/api/hosts/me/payout-account", {
        method: "PUT",
        body: { accountId },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.payouts }),
  });
}

/** The host's own (`me`) or the platform's (`admin`) analytics for a range of days. */
export function useAnalytics(scope: "me" | "admin", from: string, to: string, interval: AnalyticsInterval) {
  const path = scope === "me" ? "/api/hosts/me/analytics" : "/api/admin/analytics";
  return useQuery({
    queryKey: keys.analytics(scope, from, to, interval),
    queryFn: ({ signal }) =>
      api<Analytics>(`${path}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&interval=${interval}`, {
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

export function useRebuildAnalytics() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ events: number; tookMs: number }>("/api/admin/analytics/rebuild", { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["analytics"] }),
  });
}

/** A session's bookings, for its host (booking's `GET /api/sessions/{id}/bookings`). */
export function useSessionBookings(sessionId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["sessionBookings", sessionId],
    queryFn: () => api<SessionBookings>(`/api/sessions/${encodeURIComponent(sessionId)}/bookings`),
    enabled,
  });
}

export function useMarkNoShow(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (bookingId: string) =>
      api<{ bookingId: string; markedAt: string }>(`/api/bookings/${encodeURIComponent(bookingId)}/no-show`, {
        method: "POST",
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["sessionBookings", sessionId] }),
  });
}

export function useReplyToReview(venueId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) =>
      api<Review>(`/api/reviews/${encodeURIComponent(id)}/reply`, { method: "POST", body: { text } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.venueReviews(venueId) }),
  });
}

export function useReportedReviews() {
  return useQuery({ queryKey: keys.reported, queryFn: () => api<Review[]>("/api/admin/reviews/reported") });
}

export function useModerateReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, hide, reason }: { id: string; hide: boolean; reason?: string }) =>
      api<Review>(`/api/admin/reviews/${encodeURIComponent(id)}/${hide ? "hide" : "restore"}`, {
        method: "POST",
        body: hide ? { reason: reason || undefined } : undefined,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["reviews"] }),
  });
}
