// Every server state the app shows, through TanStack Query. Pages use these hooks only.
import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, idempotencyKey, problemOf, requestHeaders } from "./client";
import type {
  Booking,
  ComplianceRule,
  ComplianceRuleRequest,
  Fixture,
  HostDashboard,
  Me,
  Session,
  SessionDetails,
  SessionPage,
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

/**
 * Where the guest's search gets its sessions. Inventory's plain listing for now; the search service
 * (`/api/search/sessions`) replaces it here, in one line, when it is routed.
 */
const SESSION_SOURCE = "/api/sessions?status=PUBLISHED&size=100";

export function useFixtures() {
  return useQuery({
    queryKey: keys.fixtures,
    queryFn: () => api<Fixture[]>("/api/fixtures"),
    staleTime: 5 * 60_000,
  });
}

export interface SessionListing {
  session: Session;
  fixture?: Fixture;
}

/** Published sessions with their fixture, filtered by what the guest typed (team, competition). */
export function useSessionSearch(text: string) {
  const sessions = useQuery({
    queryKey: keys.sessions,
    queryFn: () => api<SessionPage>(SESSION_SOURCE),
  });
  const fixtures = useFixtures();
  const byId = new Map((fixtures.data ?? []).map((fixture) => [fixture.id, fixture]));
  const needle = text.trim().toLocaleLowerCase();
  const listings: SessionListing[] = (sessions.data?.items ?? [])
    .map((session) => ({ session, fixture: byId.get(session.fixtureId) }))
    .filter(({ fixture }) => {
      if (!needle) {
        return true;
      }
      if (!fixture) {
        return false;
      }
      return [fixture.homeTeam, fixture.awayTeam, fixture.competition, fixture.territory]
        .join(" ")
        .toLocaleLowerCase()
        .includes(needle);
    })
    .sort((a, b) => (a.fixture?.kickoff ?? "").localeCompare(b.fixture?.kickoff ?? ""));
  return {
    listings,
    isPending: sessions.isPending || fixtures.isPending,
    error: sessions.error ?? fixtures.error,
    refetch: () => {
      void sessions.refetch();
      void fixtures.refetch();
    },
  };
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
    const source = new EventSource("/api/me/events", { withCredentials: true });
    source.onopen = () => setOpen(true);
    source.onerror = () => {
      setOpen(false);
      if (source.readyState === EventSource.CLOSED) {
        source.close();
      }
    };
    source.addEventListener("booking", (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { bookingId: string; sessionId: string };
      void client.invalidateQueries({ queryKey: keys.booking(data.bookingId) });
      void client.invalidateQueries({ queryKey: keys.bookings });
      void client.invalidateQueries({ queryKey: keys.session(data.sessionId) });
    });
    return () => {
      source.close();
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
}

/** POST /api/bookings, waiting a few seconds for the saga's decision (`Prefer: wait`). */
export function useBook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (intent: BookingIntent) =>
      api<Booking>("/api/bookings", {
        method: "POST",
        headers: { "Idempotency-Key": intent.key, Prefer: "wait=5" },
        body: { sessionId: intent.sessionId, seats: intent.seats, paymentMethod: intent.paymentMethod },
      }),
    onSuccess: (booking) => {
      client.setQueryData(keys.booking(booking.id), booking);
      void client.invalidateQueries({ queryKey: keys.bookings });
      void client.invalidateQueries({ queryKey: keys.session(booking.sessionId) });
    },
  });
}

export { idempotencyKey };

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
      void client.invalidateQueries({ queryKey: keys.sessions });
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
