// Shapes of contracts/openapi/couchannel.yaml that the app reads and sends.

export interface Money {
  amount: string;
  currency: string;
}

export type SessionStatus = "DRAFT" | "PUBLISHED" | "CANCELLED";
export type RefundPolicy = "FLEXIBLE" | "MODERATE" | "STRICT";
export type BookingStatus = "PENDING" | "CONFIRMED" | "REJECTED" | "CANCELLED";

export interface Me {
  id: string;
  email?: string;
  roles: string[];
}

export interface Fixture {
  id: string;
  competition: string;
  homeTeam: string;
  awayTeam: string;
  kickoff: string;
  territory: string;
  broadcaster?: string;
}

export interface Session {
  id: string;
  fixtureId: string;
  venueId: string;
  status: SessionStatus;
  seats: number;
  seatsLeft: number;
  pricePerSeat: Money;
  refundPolicy?: RefundPolicy;
  description?: string;
}

export interface SessionPage {
  items: Session[];
  page: number;
  size: number;
  total: number;
}

export interface StreamingPackage {
  provider: string;
  licence: "RESIDENTIAL" | "COMMERCIAL";
  country?: string;
}

export interface SessionDetails extends Session {
  hostId?: string;
  fixture?: Omit<Fixture, "broadcaster">;
  venue?: {
    id: string;
    name: string;
    type: "HOME" | "COMMERCIAL";
    address?: string;
    city: string;
    country: string;
    capacity: number;
    screens: number;
    largestScreenInches: number;
    packages: StreamingPackage[];
  };
  price?: { perSeat: Money; serviceFee: Money; vat: Money; vatCountry: string };
  rating?: Rating;
  host?: { id: string; displayName: string; bio?: string; languages?: string[]; memberSince?: string };
  hostReputation?: { userId?: string; host?: HostReputation };
  degraded?: ("venue" | "host" | "price" | "rating" | "reputation")[];
}

export interface HostReputation {
  score: number;
  rating: { average: number; count: number; weighted: number };
  cancellations: { sessions: number; cancelled: number; reliability: number };
  responses: { reviews: number; repliedInTime: number; medianReplyHours?: number; responsiveness: number };
}

export interface HostProfile {
  id: string;
  displayName: string;
  bio: string;
  languages: string[];
  memberSince: string;
  venues?: number;
}

export interface HostProfileRequest {
  displayName: string;
  bio: string;
  languages: string[];
}

export type PayoutStatus = "PENDING" | "PAID" | "FAILED";

export interface Payout {
  id: string;
  amount: Money;
  status: PayoutStatus;
  attempts: number;
  nextAttemptAt?: string | null;
  failureCode?: string | null;
  failureReason?: string | null;
  providerRef?: string | null;
  createdAt: string;
  paidAt?: string | null;
}

export interface HostPayouts {
  hostId: string;
  payoutAccount?: string | null;
  balances: {
    due: Money;
    pending: Money;
    nextPayableAt?: string | null;
    upcoming: { sessionId: string; amount: Money; payableAt?: string | null }[];
  }[];
  payouts: Payout[];
}

export interface AnalyticsFigures {
  confirmed: number;
  seats: number;
  rejected: number;
  cancelled: number;
  cancellationRate?: number | null;
  cancelledBy: Record<string, number>;
  revenue: { currency: string; gross: string; refunds: string; net: string }[];
  occupancy: { sessions: number; sold: number; capacity: number; rate?: number | null };
  nps: { responses: number; promoters: number; passives: number; detractors: number; score?: number | null };
  packages: { provider: string; licence: "RESIDENTIAL" | "COMMERCIAL"; bookings: number; seats: number }[];
}

export type AnalyticsInterval = "day" | "week";

export interface Analytics {
  scope: string;
  from: string;
  to: string;
  interval: AnalyticsInterval;
  totals: AnalyticsFigures;
  series: (AnalyticsFigures & { start: string })[];
  sessions: {
    sessionId: string;
    venueId?: string;
    kickoff: string;
    capacity: number;
    sold: number;
    occupancy?: number | null;
    cancelled: boolean;
  }[];
}

export interface Booking {
  id: string;
  sessionId: string;
  seats: number;
  status: BookingStatus;
  reason?: string;
  total?: Money;
  refund?: Money;
  cancelledBy?: "GUEST" | "ADMIN" | "HOST" | "FIXTURE_POSTPONED";
  refundStatus?: "PENDING" | "SETTLED" | "FAILED";
  createdAt?: string;
}

export interface Venue {
  id: string;
  name: string;
  type: "HOME" | "COMMERCIAL";
  address?: string;
  city: string;
  country: string;
  lat: number;
  lon: number;
  capacity: number;
  screens: number;
  largestScreenInches: number;
  speakers: number;
  packages: StreamingPackage[];
  version: number;
}

export interface VenueRequest {
  name: string;
  type: "HOME" | "COMMERCIAL";
  address: string;
  city: string;
  country: string;
  lat: number;
  lon: number;
  capacity: number;
  screens: number;
  largestScreenInches: number;
  speakers: number;
  packages: StreamingPackage[];
}

export interface SessionRequest {
  venueId: string;
  fixtureId: string;
  seats: number;
  pricePerSeat: Money;
  refundPolicy: RefundPolicy;
  description?: string;
}

export interface DashboardItem {
  id: string;
  fixtureId: string;
  venueId: string;
  status: SessionStatus;
  seats: number;
  seatsSold: number;
  seatsHeld: number;
  seatsLeft: number;
  pricePerSeat: Money;
}

export interface HostDashboard {
  host: string;
  sessions: number;
  seatsSold: number;
  soldValue: Money[];
  items: DashboardItem[];
}

export const RULE_KINDS = [
  "RESIDENTIAL_PERSONAL_USE",
  "PACKAGE_COUNTRY_MATCHES_VENUE",
  "COMMERCIAL_NEEDS_COMMERCIAL",
  "LIVE_ONLY",
  "BLACKOUT_WINDOW",
  "ATTENDEE_THRESHOLD",
  "US_110_5",
  "NO_ADMISSION_FEE",
  "ATTENDEE_CAP",
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface RuleScope {
  territory?: string;
  competition?: string;
  venueType?: "HOME" | "COMMERCIAL";
  licence?: "RESIDENTIAL" | "COMMERCIAL";
}

export interface ComplianceRule {
  id: string;
  version: number;
  ref: string;
  enabled: boolean;
  current: boolean;
  kind: RuleKind;
  scope: RuleScope;
  parameters: Record<string, string>;
  reason: string;
}

export interface ComplianceRuleRequest {
  id: string;
  kind: RuleKind;
  enabled?: boolean;
  scope?: RuleScope;
  parameters?: Record<string, string | number | boolean>;
  reason: string;
}

/** The sandbox's test cards (services/payment/README.md). */
export const SANDBOX_CARDS = [
  "pm_card_visa",
  "pm_card_declined",
  "pm_card_insufficient_funds",
  "pm_card_slow",
  "pm_card_error",
] as const;

export interface Rating {
  average: number;
  count: number;
}

/** Why a session is recommended (`GET /api/me/recommendations`): its `kind` and that kind's fields. */
export type RecommendationReason =
  | { kind: "FAVOURITE_TEAM"; team: string; bookings: number }
  | { kind: "FAVOURITE_HOST"; host: string; bookings: number }
  | { kind: "CO_BOOKED"; host: string; bookedWith: string; guests: number }
  | { kind: "POPULAR"; bookings: number; seats: number }
  | { kind: "NEARBY"; distanceKm: number };

export interface RecommendedSession {
  sessionId: string;
  venueId: string;
  competition?: string;
  homeTeam?: string;
  awayTeam?: string;
  kickoff: string;
  seatsLeft?: number;
  reasons: RecommendationReason[];
}

/** One match of `GET /api/search/sessions` (search's read model). */
export interface SessionSearchHit {
  sessionId: string;
  fixtureId: string;
  competition: string;
  homeTeam: string;
  awayTeam: string;
  kickoff: string;
  capacity: number;
  seatsLeft: number;
  pricePerSeat: Money;
  refundPolicy: RefundPolicy;
  venue?: {
    id: string;
    name: string;
    type: "HOME" | "COMMERCIAL";
    city: string;
    country: string;
    lat?: number;
    lon?: number;
    screens?: number;
    largestScreenInches?: number;
    packages?: StreamingPackage[];
  };
  rating?: Rating;
  distanceKm?: number;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SessionSearchPage {
  items: SessionSearchHit[];
  total: number;
  page: number;
  size: number;
  facets: Record<string, FacetValue[]>;
}

export const SEARCH_SORTS = ["relevance", "kickoff", "price", "rating"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface SearchFilters {
  q: string;
  competition: string;
  city: string;
  venueType: "" | "HOME" | "COMMERCIAL";
  maxPrice: string;
  minSeats: string;
  sort: SearchSort;
  page: number;
}

export interface Quote {
  id: string;
  sessionId: string;
  seats: number;
  subtotal: Money;
  serviceFee: Money;
  vat: Money;
  total: Money;
  vatCountry: string;
  expiresAt: string;
}

export type WaitlistStatus = "WAITING" | "OFFERED" | "BOOKED" | "LEFT" | "EXPIRED" | "CLOSED";

export interface WaitlistPlace {
  entryId: string;
  sessionId: string;
  seats: number;
  status: WaitlistStatus;
  position?: number;
  joinedAt: string;
  offer?: { id: string; seats: number; status: "OPEN" | "ACCEPTED" | "EXPIRED" | "WITHDRAWN"; expiresAt: string };
}

export interface Review {
  id: string;
  venueId: string;
  sessionId: string;
  rating: number;
  text: string;
  postedAt: string;
  reply?: { text: string; at: string };
  guestId?: string;
  reports?: number;
  hidden?: boolean;
}

export interface VenueReviewPage {
  venueId: string;
  rating: Rating;
  items: Review[];
  total: number;
  page: number;
  size: number;
}

export interface ReviewRequest {
  bookingId: string;
  rating: number;
  text: string;
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link?: string;
  createdAt: string;
  read: boolean;
}

export interface NotificationPage {
  items: Notification[];
  page: number;
  size: number;
  unread: number;
}

export interface NotificationSwitches {
  bookings: boolean;
  reminders: boolean;
  waitlist: boolean;
}

export interface NotificationPreferences {
  locale: "en" | "pl";
  timeZone?: string;
  email: NotificationSwitches;
  push?: NotificationSwitches;
}

export interface VenuePhoto {
  id: string;
  url: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export type Role = "guest" | "host" | "admin";
export const ROLES: Role[] = ["guest", "host", "admin"];

export interface IdentityUser {
  id: string;
  email: string;
  roles: Role[];
  emailVerified: boolean;
}

export interface AuditEvent {
  id: string;
  at: string;
  type: string;
  actor?: string;
  subject?: string;
  details: Record<string, unknown>;
}

export interface SessionBookings {
  sessionId: string;
  kickoff: string;
  bookings: {
    id: string;
    guest: string;
    seats: number;
    status: BookingStatus;
    total?: Money;
    cancelledBy?: string;
    noShowAt?: string | null;
    createdAt: string;
  }[];
}
