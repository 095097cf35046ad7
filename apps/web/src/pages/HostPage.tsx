import { useState, type FormEvent } from "react";
import {
  useDashboard,
  useFixtures,
  useMyVenues,
  usePlanSession,
  usePublishSession,
  useRegisterVenue,
} from "../api/hooks";
import type { DashboardItem, Fixture, RefundPolicy, VenueRequest } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { Badge, EmptyState, Field, Notice, ProblemMessage, Spinner, fieldError } from "../ui/kit";

export function HostPage() {
  const { t } = useI18n();
  return (
    <div className="stack">
      <h1>{t("host.title")}</h1>
      <Sessions />
      <PlanSession />
      <Venues />
    </div>
  );
}

function fixtureTitle(t: ReturnType<typeof useI18n>["t"], fixture: Fixture | undefined): string {
  return fixture ? t("session.title", { home: fixture.homeTeam, away: fixture.awayTeam }) : "—";
}

function Sessions() {
  const { t, money } = useI18n();
  const dashboard = useDashboard();
  const fixtures = useFixtures();
  const venues = useMyVenues();
  const byId = new Map((fixtures.data ?? []).map((fixture) => [fixture.id, fixture]));
  const venueNames = new Map((venues.data ?? []).map((venue) => [venue.id, venue.name]));
  return (
    <section className="card stack" aria-labelledby="host-sessions">
      <h2 id="host-sessions">{t("host.sessions")}</h2>
      {dashboard.isPending ? (
        <Spinner />
      ) : dashboard.error ? (
        <ProblemMessage error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : dashboard.data.items.length === 0 ? (
        <EmptyState>{t("host.sessionsEmpty")}</EmptyState>
      ) : (
        <>
          <p className="muted">
            {t("host.summary", {
              sessions: dashboard.data.sessions,
              sold: dashboard.data.seatsSold,
              value: dashboard.data.soldValue.map((value) => money(value)).join(" + ") || money(undefined),
            })}
          </p>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("host.col.match")}</th>
                  <th scope="col">{t("host.col.status")}</th>
                  <th scope="col">{t("host.col.sold")}</th>
                  <th scope="col">{t("host.col.held")}</th>
                  <th scope="col">{t("host.col.left")}</th>
                  <th scope="col">{t("host.col.price")}</th>
                  <th scope="col">{t("host.col.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {dashboard.data.items.map((item) => (
                  <SessionRow
                    key={item.id}
                    item={item}
                    title={fixtureTitle(t, byId.get(item.fixtureId))}
                    venue={venueNames.get(item.venueId)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function SessionRow({ item, title, venue }: { item: DashboardItem; title: string; venue?: string }) {
  const { t, money } = useI18n();
  const publish = usePublishSession();
  const tone = item.status === "PUBLISHED" ? "ok" : item.status === "DRAFT" ? "wait" : "muted";
  return (
    <>
      <tr data-testid="host-session">
        <th scope="row">
          {title}
          {venue && (
            <>
              <br />
              <small className="muted">{venue}</small>
            </>
          )}
        </th>
        <td>
          <Badge tone={tone}>{t(`status.${item.status}`)}</Badge>
        </td>
        <td>{item.seatsSold}</td>
        <td>{item.seatsHeld}</td>
        <td>
          {item.seatsLeft} / {item.seats}
        </td>
        <td>{money(item.pricePerSeat)}</td>
        <td>
          {item.status === "DRAFT" && (
            <button
              type="button"
              className="button button--small"
              disabled={publish.isPending}
              onClick={() => publish.mutate(item.id)}
              aria-label={`${t("host.publish")}: ${title}${venue ? `, ${venue}` : ""}`}
            >
              {t("host.publish")}
            </button>
          )}
          {publish.isPending && <Spinner label={t("host.publishing")} inline />}
        </td>
      </tr>
      {(publish.error || publish.isSuccess) && (
        <tr>
          <td colSpan={7}>
            {publish.error ? (
              <ProblemMessage error={publish.error} />
            ) : (
              <Notice tone="success">{t("host.published")}</Notice>
            )}
          </td>
        </tr>
      )}
    </>
  );
}

/** The usual currency of a venue's country, as the plan form's first guess. */
const CURRENCIES: Record<string, string> = { GB: "GBP", PL: "PLN", US: "USD" };

function PlanSession() {
  const { t, dateTime } = useI18n();
  const venues = useMyVenues();
  const fixtures = useFixtures();
  const plan = usePlanSession();
  const [venueId, setVenueId] = useState("");
  const [fixtureId, setFixtureId] = useState("");
  const [seats, setSeats] = useState(4);
  const [amount, setAmount] = useState("10.00");
  // until the host picks one, the currency follows the chosen venue's country
  const [currencyChoice, setCurrency] = useState<string | null>(null);
  const [policy, setPolicy] = useState<RefundPolicy>("FLEXIBLE");
  const [description, setDescription] = useState("");

  const selected = venues.data?.find((venue) => venue.id === (venueId || venues.data?.[0]?.id));
  const currency = currencyChoice ?? CURRENCIES[selected?.country ?? ""] ?? "EUR";
  const chooseVenue = (id: string) => {
    setVenueId(id);
    setCurrency(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    plan.mutate({
      venueId: venueId || venues.data?.[0]?.id || "",
      fixtureId: fixtureId || fixtures.data?.[0]?.id || "",
      seats,
      pricePerSeat: { amount, currency },
      refundPolicy: policy,
      description: description || undefined,
    });
  };

  return (
    <section className="card stack" aria-labelledby="host-plan">
      <h2 id="host-plan">{t("host.plan")}</h2>
      {venues.isPending || fixtures.isPending ? (
        <Spinner />
      ) : venues.error || fixtures.error ? (
        <ProblemMessage error={venues.error ?? fixtures.error} />
      ) : venues.data.length === 0 ? (
        <Notice>{t("host.plan.needsVenue")}</Notice>
      ) : (
        <form className="form-grid" onSubmit={submit} aria-busy={plan.isPending}>
          <Field label={t("host.plan.venue")} error={fieldError(plan.error, "venueId")}>
            {(props) => (
              <select {...props} className="input" value={venueId} onChange={(e) => chooseVenue(e.target.value)}>
                {venues.data.map((venue) => (
                  <option key={venue.id} value={venue.id}>
                    {venue.name} · {venue.city}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("host.plan.fixture")} error={fieldError(plan.error, "fixtureId")}>
            {(props) => (
              <select {...props} className="input" value={fixtureId} onChange={(e) => setFixtureId(e.target.value)}>
                {fixtures.data.map((fixture) => (
                  <option key={fixture.id} value={fixture.id}>
                    {fixtureTitle(t, fixture)} · {fixture.competition} · {dateTime(fixture.kickoff)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("host.plan.seats")} error={fieldError(plan.error, "seats")}>
            {(props) => (
              <input
                {...props}
                className="input"
                type="number"
                min={1}
                value={seats}
                onChange={(e) => setSeats(Number(e.target.value))}
              />
            )}
          </Field>
          <Field label={t("host.plan.price")} error={fieldError(plan.error, "pricePerSeat.amount")}>
            {(props) => (
              <input
                {...props}
                className="input"
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
              />
            )}
          </Field>
          <Field label={t("host.plan.currency")} error={fieldError(plan.error, "pricePerSeat.currency")}>
            {(props) => (
              <select {...props} className="input" value={currency} onChange={(e) => setCurrency(e.target.value)}>
                {["EUR", "GBP", "PLN", "USD", "CHF", "CZK", "SEK", "DKK", "NOK"].map((code) => (
                  <option key={code}>{code}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("host.plan.policy")} error={fieldError(plan.error, "refundPolicy")}>
            {(props) => (
              <select
                {...props}
                className="input"
                value={policy}
                onChange={(e) => setPolicy(e.target.value as RefundPolicy)}
              >
                {(["FLEXIBLE", "MODERATE", "STRICT"] as const).map((option) => (
                  <option key={option} value={option}>
                    {t(`session.refund.${option}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="form-grid__wide">
            <Field label={t("host.plan.description")} error={fieldError(plan.error, "description")}>
              {(props) => (
                <textarea
                  {...props}
                  className="input"
                  rows={2}
                  maxLength={2000}
                  value={description}
                  onChange={(e) => setDescription(e.target.value)}
                />
              )}
            </Field>
          </div>
          <div className="form-grid__wide stack">
            <ProblemMessage error={plan.error} />
            {plan.isSuccess && <Notice tone="success">{t("host.plan.planned")}</Notice>}
            <div className="row">
              <button type="submit" className="button button--primary" disabled={plan.isPending}>
                {t("host.plan.submit")}
              </button>
              {plan.isPending && <Spinner inline />}
            </div>
          </div>
        </form>
      )}
    </section>
  );
}

const EMPTY_VENUE: VenueRequest = {
  name: "",
  type: "HOME",
  address: "",
  city: "",
  country: "GB",
  lat: 51.5,
  lon: -0.12,
  capacity: 6,
  screens: 1,
  largestScreenInches: 55,
  speakers: 2,
  packages: [{ provider: "Sky", licence: "RESIDENTIAL", country: "GB" }],
};

function Venues() {
  const { t } = useI18n();
  const venues = useMyVenues();
  const register = useRegisterVenue();
  const [venue, setVenue] = useState<VenueRequest>(EMPTY_VENUE);
  const set = <K extends keyof VenueRequest>(key: K, value: VenueRequest[K]) =>
    setVenue((current) => ({ ...current, [key]: value }));
  const pack = venue.packages[0];
  const setPack = (change: Partial<NonNullable<typeof pack>>) =>
    setVenue((current) => ({ ...current, packages: [{ ...current.packages[0], ...change }] }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate(venue, { onSuccess: () => setVenue(EMPTY_VENUE) });
  };
  const text = (key: "name" | "address" | "city" | "country", label: string) => (
    <Field label={label} error={fieldError(register.error, key)}>
      {(props) => (
        <input
          {...props}
          className="input"
          value={venue[key]}
          onChange={(e) => set(key, key === "country" ? e.target.value.toUpperCase() : e.target.value)}
          required
        />
      )}
    </Field>
  );
  const number = (
    key: "lat" | "lon" | "capacity" | "screens" | "largestScreenInches" | "speakers",
    label: string,
    step = 1,
  ) => (
    <Field label={label} error={fieldError(register.error, key)}>
      {(props) => (
        <input
          {...props}
          className="input"
          type="number"
          step={step}
          value={venue[key]}
          onChange={(e) => set(key, Number(e.target.value))}
          required
        />
      )}
    </Field>
  );

  return (
    <section className="card stack" aria-labelledby="host-venues">
      <h2 id="host-venues">{t("host.venues")}</h2>
      {venues.isPending ? (
        <Spinner />
      ) : venues.error ? (
        <ProblemMessage error={venues.error} onRetry={() => void venues.refetch()} />
      ) : venues.data.length === 0 ? (
        <EmptyState>{t("host.venuesEmpty")}</EmptyState>
      ) : (
        <ul className="chips">
          {venues.data.map((item) => (
            <li key={item.id} className="chip">
              <strong>{item.name}</strong> · {t(`session.venueType.${item.type}`)} · {item.city}, {item.country} ·{" "}
              {t("session.capacity", { capacity: item.capacity })}
            </li>
          ))}
        </ul>
      )}
      <details className="disclosure">
        <summary>{t("host.newVenue")}</summary>
        <form className="form-grid" onSubmit={submit} aria-busy={register.isPending}>
          {text("name", t("host.venue.name"))}
          <Field label={t("host.venue.type")} error={fieldError(register.error, "type")}>
            {(props) => (
              <select
                {...props}
                className="input"
                value={venue.type}
                onChange={(e) => set("type", e.target.value as VenueRequest["type"])}
              >
                <option value="HOME">{t("session.venueType.HOME")}</option>
                <option value="COMMERCIAL">{t("session.venueType.COMMERCIAL")}</option>
              </select>
            )}
          </Field>
          {text("address", t("host.venue.address"))}
          {text("city", t("host.venue.city"))}
          {text("country", t("host.venue.country"))}
          {number("lat", t("host.venue.lat"), 0.0001)}
          {number("lon", t("host.venue.lon"), 0.0001)}
          {number("capacity", t("host.venue.capacity"))}
          {number("screens", t("host.venue.screens"))}
          {number("largestScreenInches", t("host.venue.inches"))}
          {number("speakers", t("host.venue.speakers"))}
          <Field label={t("host.venue.provider")} error={fieldError(register.error, "packages[0].provider")}>
            {(props) => (
              <input {...props} className="input" value={pack?.provider ?? ""} onChange={(e) => setPack({ provider: e.target.value })} />
            )}
          </Field>
          <Field label={t("host.venue.licence")} error={fieldError(register.error, "packages[0].licence")}>
            {(props) => (
              <select
                {...props}
                className="input"
                value={pack?.licence ?? "RESIDENTIAL"}
                onChange={(e) => setPack({ licence: e.target.value as "RESIDENTIAL" | "COMMERCIAL" })}
              >
                <option>RESIDENTIAL</option>
                <option>COMMERCIAL</option>
              </select>
            )}
          </Field>
          <Field label={t("host.venue.packageCountry")} error={fieldError(register.error, "packages[0].country")}>
            {(props) => (
              <input
                {...props}
                className="input"
                value={pack?.country ?? ""}
                onChange={(e) => setPack({ country: e.target.value.toUpperCase() })}
              />
            )}
          </Field>
          <div className="form-grid__wide stack">
            <ProblemMessage error={register.error} />
            {register.isSuccess && (
              <Notice tone="success">{t("host.venue.registered", { name: register.data.name })}</Notice>
            )}
            <div className="row">
              <button type="submit" className="button button--primary" disabled={register.isPending}>
                {t("host.venue.submit")}
              </button>
              {register.isPending && <Spinner inline />}
            </div>
          </div>
        </form>
      </details>
    </section>
  );
}
