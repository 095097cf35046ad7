import { useState, type FormEvent } from "react";
import {
  useDashboard,
  useMyProfile,
  useDeletePhoto,
  useFixtures,
  useUploadPhoto,
  useVenuePhotos,
  useMyVenues,
  usePlanSession,
  usePublishSession,
  useRegisterVenue,
} from "../api/hooks";
import type { DashboardItem, Fixture, RefundPolicy, StreamingPackage, Venue, VenueRequest } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { Link } from "../router";
import { AnalyticsPage } from "./AnalyticsPage";
import { EarningsPage } from "./EarningsPage";
import { HostReviews } from "./HostReviews";
import { ProfileEditor } from "./ProfileEditor";
import { SessionBookingsPanel } from "./SessionBookingsPanel";
import { Badge, EmptyState, Field, Notice, ProblemMessage, Spinner, fieldError } from "../ui/kit";

export type HostTab = "manage" | "earnings" | "analytics";

/** The host's sections: hosting itself, earnings, analytics. */
export function HostTabs({ tab }: { tab: HostTab }) {
  const { t } = useI18n();
  const tabs: { id: HostTab; href: string; label: string }[] = [
    { id: "manage", href: "/host", label: t("host.manage") },
    { id: "earnings", href: "/host/earnings", label: t("earnings.title") },
    { id: "analytics", href: "/host/analytics", label: t("analytics.title") },
  ];
  return (
    <nav aria-label={t("host.sections")} className="tabs">
      <ul>
        {tabs.map((item) => (
          <li key={item.id}>
            <Link href={item.href} className="tabs__link" aria-current={tab === item.id ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function HostPage({ tab = "manage" }: { tab?: HostTab }) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <HostTabs tab={tab} />
      {tab === "earnings" ? (
        <EarningsPage />
      ) : tab === "analytics" ? (
        <AnalyticsPage scope="me" />
      ) : (
        <>
          <h1>{t("host.title")}</h1>
          <Onboarding />
          <Sessions />
          <PlanSession />
          <Venues />
          <ProfileEditor />
          <HostReviews />
        </>
      )}
    </div>
  );
}

/**
 * A host's first visit (no venue yet): the three steps to a bookable session, each ticked off as it
 * is done, with the venue form open below. Disappears once a session is published.
 */
function Onboarding() {
  const { t } = useI18n();
  const venues = useMyVenues();
  const dashboard = useDashboard();
  const profile = useMyProfile();
  if (venues.isPending || dashboard.isPending || profile.isPending) {
    return <Spinner />;
  }
  if (!venues.data || !dashboard.data) {
    return null;
  }
  const hasProfile = Boolean(profile.data);
  const hasVenue = venues.data.length > 0;
  const planned = dashboard.data.items.length > 0;
  const published = dashboard.data.items.some((item) => item.status === "PUBLISHED");
  if (hasProfile && hasVenue && published) {
    return null;
  }
  const steps: { done: boolean; label: string; href: string }[] = [
    { done: hasProfile, label: t("onboarding.profile"), href: "#host-profile" },
    { done: hasVenue, label: t("onboarding.venue"), href: "#host-venues" },
    { done: planned, label: t("onboarding.plan"), href: "#host-plan" },
    { done: published, label: t("onboarding.publish"), href: "#host-sessions" },
  ];
  return (
    <section className="card stack onboarding" aria-labelledby="onboarding-title" data-testid="onboarding">
      <h2 id="onboarding-title">{t("onboarding.title")}</h2>
      <p className="muted">{t("onboarding.intro")}</p>
      <ol className="steps">
        {steps.map((step, index) => (
          <li key={step.href} className={step.done ? "steps__item steps__item--done" : "steps__item"}>
            <span className="steps__mark" aria-hidden="true">
              {step.done ? "✓" : index + 1}
            </span>
            <a href={step.href}>{step.label}</a>
            <span className="visually-hidden">{step.done ? t("onboarding.done") : t("onboarding.todo")}</span>
          </li>
        ))}
      </ol>
    </section>
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
                  <th scope="col">{t("host.col.earned")}</th>
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
  const [open, setOpen] = useState(false);
  const tone = item.status === "PUBLISHED" ? "ok" : item.status === "DRAFT" ? "wait" : "muted";
  return (
    <>
      <tr data-testid="host-session" data-session={item.id}>
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
          {money({
            amount: (Number(item.pricePerSeat.amount) * item.seatsSold).toFixed(2),
            currency: item.pricePerSeat.currency,
          })}
        </td>
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
          {item.status !== "DRAFT" && (
            <button
              type="button"
              className="button button--small button--ghost"
              aria-expanded={open}
              onClick={() => setOpen(!open)}
              aria-label={`${t("sessionBookings.show")}: ${title}${venue ? `, ${venue}` : ""}`}
            >
              {t("sessionBookings.show")}
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={8}>
            <SessionBookingsPanel sessionId={item.id} title={title} />
          </td>
        </tr>
      )}
      {(publish.error || publish.isSuccess) && (
        <tr>
          <td colSpan={8}>
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
  const setPack = (index: number, change: Partial<StreamingPackage>) =>
    setVenue((current) => ({
      ...current,
      packages: current.packages.map((item, at) => (at === index ? { ...item, ...change } : item)),
    }));
  const addPack = () =>
    setVenue((current) => ({
      ...current,
      packages: [...current.packages, { provider: "", licence: "RESIDENTIAL", country: current.country }],
    }));
  const removePack = (index: number) =>
    setVenue((current) => ({ ...current, packages: current.packages.filter((_, at) => at !== index) }));

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
        <ul className="list">
          {venues.data.map((item) => (
            <VenueItem key={item.id} venue={item} />
          ))}
        </ul>
      )}
      <details className="disclosure" open={venues.data?.length === 0 ? true : undefined}>
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
          <fieldset className="form-grid__wide packages">
            <legend>{t("host.venue.packages")}</legend>
            <p className="muted">{t("host.venue.packagesHint")}</p>
            {venue.packages.map((item, index) => (
              <PackageFields
                key={index}
                index={index}
                value={item}
                error={register.error}
                onChange={(change) => setPack(index, change)}
                onRemove={venue.packages.length > 1 ? () => removePack(index) : undefined}
              />
            ))}
            <button type="button" className="button button--ghost button--small" onClick={addPack}>
              {t("host.venue.addPackage")}
            </button>
          </fieldset>
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

function PackageFields({
  index,
  value,
  error,
  onChange,
  onRemove,
}: {
  index: number;
  value: StreamingPackage;
  error: unknown;
  onChange: (change: Partial<StreamingPackage>) => void;
  onRemove?: () => void;
}) {
  const { t } = useI18n();
  // the first package keeps the plain labels; the next ones are numbered
  const label = (text: string) => (index === 0 ? text : `${text} ${index + 1}`);
  return (
    <div className="form-grid package" data-testid="package">
      <Field label={label(t("host.venue.provider"))} error={fieldError(error, `packages[${index}].provider`)}>
        {(props) => (
          <input
            {...props}
            className="input"
            value={value.provider}
            onChange={(e) => onChange({ provider: e.target.value })}
            required
          />
        )}
      </Field>
      <Field label={label(t("host.venue.licence"))} error={fieldError(error, `packages[${index}].licence`)}>
        {(props) => (
          <select
            {...props}
            className="input"
            value={value.licence}
            onChange={(e) => onChange({ licence: e.target.value as StreamingPackage["licence"] })}
          >
            <option value="RESIDENTIAL">{t("host.licence.RESIDENTIAL")}</option>
            <option value="COMMERCIAL">{t("host.licence.COMMERCIAL")}</option>
          </select>
        )}
      </Field>
      <Field label={label(t("host.venue.packageCountry"))} error={fieldError(error, `packages[${index}].country`)}>
        {(props) => (
          <input
            {...props}
            className="input"
            value={value.country ?? ""}
            maxLength={2}
            onChange={(e) => onChange({ country: e.target.value.toUpperCase() })}
          />
        )}
      </Field>
      {onRemove && (
        <div className="package__remove">
          <button type="button" className="button button--ghost button--small" onClick={onRemove}>
            {t("host.venue.removePackage", { number: index + 1 })}
          </button>
        </div>
      )}
    </div>
  );
}

const PHOTO_TYPES = "image/jpeg,image/png,image/webp";

function VenueItem({ venue }: { venue: Venue }) {
  const { t } = useI18n();
  const photos = useVenuePhotos(venue.id);
  const upload = useUploadPhoto(venue.id);
  const remove = useDeletePhoto(venue.id);
  const inputId = `photo-${venue.id}`;
  return (
    <li className="card list__item venue-item" data-testid="venue">
      <div className="list__main stack">
        <p>
          <strong>{venue.name}</strong> · {t(`session.venueType.${venue.type}`)} · {venue.city}, {venue.country} ·{" "}
          {t("session.capacity", { capacity: venue.capacity })}
        </p>
        <p className="muted">
          {t("session.packages")}:{" "}
          {venue.packages.map((item) => `${item.provider} (${t(`host.licence.${item.licence}`)})`).join(", ")}
        </p>
        {photos.isPending ? (
          <Spinner inline />
        ) : photos.error ? (
          <ProblemMessage error={photos.error} onRetry={() => void photos.refetch()} />
        ) : photos.data.length > 0 ? (
          <ul className="photos" aria-label={t("host.photos", { name: venue.name })}>
            {photos.data.map((photo, index) => (
              <li key={photo.id} className="photo">
                <img src={photo.url} alt={t("host.photoAlt", { name: venue.name, number: index + 1 })} loading="lazy" />
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(photo.id)}
                  aria-label={t("host.photoRemove", { number: index + 1, name: venue.name })}
                >
                  {t("host.photoRemoveShort")}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("host.photosNone")}</p>
        )}
        <div className="field">
          <label htmlFor={inputId}>{t("host.photoAdd", { name: venue.name })}</label>
          <input
            id={inputId}
            type="file"
            accept={PHOTO_TYPES}
            className="input"
            disabled={upload.isPending}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) {
                upload.mutate(file, { onSettled: () => (event.target.value = "") });
              }
            }}
          />
          <small className="field__hint">{t("host.photoHint")}</small>
        </div>
        {upload.isPending && <Spinner label={t("host.photoUploading")} />}
        <ProblemMessage error={upload.error ?? remove.error} />
      </div>
    </li>
  );
}
