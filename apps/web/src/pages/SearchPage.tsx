import { useState, type ReactNode } from "react";
import { PAGE_SIZE, useMe, useRecommendations, useSessionSearch } from "../api/hooks";
import {
  SEARCH_SORTS,
  type FacetValue,
  type RecommendedSession,
  type SearchFilters,
  type SessionSearchHit,
} from "../api/types";
import { reasonMessage } from "../logic/recommendation";
import { useI18n } from "../i18n/i18n";
import { Link } from "../router";
import { EmptyState, ProblemMessage, Spinner } from "../ui/kit";
import { SessionMap, useTilesReachable } from "../ui/SessionMap";

const EMPTY: SearchFilters = {
  q: "",
  competition: "",
  city: "",
  venueType: "",
  maxPrice: "",
  minSeats: "",
  sort: "relevance",
  page: 0,
};

export function SearchPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<SearchFilters>(EMPTY);
  const search = useSessionSearch(filters);
  const tiles = useTilesReachable();
  // any change of a filter starts again at the first page
  const set = <K extends keyof SearchFilters>(key: K, value: SearchFilters[K]) =>
    setFilters((current) => ({ ...current, [key]: value, page: key === "page" ? (value as number) : 0 }));
  const facets = search.data?.facets ?? {};
  const filtered = JSON.stringify({ ...filters, sort: "", page: 0 }) !== JSON.stringify({ ...EMPTY, sort: "", page: 0 });
  const mapState = tiles.isPending ? "probing" : tiles.data ? "on" : "off";
  return (
    <>
      <section className="hero" aria-labelledby="search-title">
        <h1 id="search-title">{t("search.title")}</h1>
        <p className="hero__lead">{t("app.tagline")}</p>
        <form className="search" role="search" onSubmit={(event) => event.preventDefault()}>
          <label htmlFor="search-text" className="search__label">
            {t("search.label")}
          </label>
          <input
            id="search-text"
            type="search"
            className="input search__input"
            value={filters.q}
            placeholder={t("search.placeholder")}
            onChange={(event) => set("q", event.target.value)}
            autoComplete="off"
          />
          <fieldset className="filters">
            <legend className="visually-hidden">{t("search.filters")}</legend>
            <FacetSelect
              id="filter-competition"
              label={t("search.competition")}
              value={filters.competition}
              values={facets.competition}
              onChange={(value) => set("competition", value)}
            />
            <FacetSelect
              id="filter-city"
              label={t("search.city")}
              value={filters.city}
              values={facets.city}
              onChange={(value) => set("city", value)}
            />
            <div className="filter">
              <label htmlFor="filter-venue">{t("search.venueType")}</label>
              <select
                id="filter-venue"
                className="input"
                value={filters.venueType}
                onChange={(event) => set("venueType", event.target.value as SearchFilters["venueType"])}
              >
                <option value="">{t("search.any")}</option>
                <option value="HOME">{t("session.venueType.HOME")}</option>
                <option value="COMMERCIAL">{t("session.venueType.COMMERCIAL")}</option>
              </select>
            </div>
            <div className="filter">
              <label htmlFor="filter-price">{t("search.maxPrice")}</label>
              <input
                id="filter-price"
                className="input"
                type="number"
                min={0}
                step="0.5"
                inputMode="decimal"
                value={filters.maxPrice}
                onChange={(event) => set("maxPrice", event.target.value)}
              />
            </div>
            <div className="filter">
              <label htmlFor="filter-seats">{t("search.minSeats")}</label>
              <input
                id="filter-seats"
                className="input"
                type="number"
                min={1}
                max={20}
                value={filters.minSeats}
                onChange={(event) => set("minSeats", event.target.value)}
              />
            </div>
            <div className="filter">
              <label htmlFor="filter-sort">{t("search.sort")}</label>
              <select
                id="filter-sort"
                className="input"
                value={filters.sort}
                onChange={(event) => set("sort", event.target.value as SearchFilters["sort"])}
              >
                {SEARCH_SORTS.map((sort) => (
                  <option key={sort} value={sort}>
                    {t(`search.sort.${sort}`)}
                  </option>
                ))}
              </select>
            </div>
            {filtered && (
              <button type="button" className="button button--ghost button--small" onClick={() => setFilters(EMPTY)}>
                {t("search.clear")}
              </button>
            )}
          </fieldset>
        </form>
      </section>
      {!filtered && <ForYou />}
      <div
        className="results"
        data-testid="results"
        data-map={mapState}
        data-state={search.isFetching ? "loading" : "idle"}
        aria-busy={search.isFetching}
      >
        {search.isPending ? (
          <Spinner />
        ) : search.error ? (
          <ProblemMessage error={search.error} onRetry={() => void search.refetch()} />
        ) : search.data.items.length === 0 ? (
          <EmptyState>
            {filtered ? t("search.empty", { text: filters.q.trim() || t("search.filters") }) : t("search.none")}
          </EmptyState>
        ) : (
          <>
            <p className="muted row" aria-live="polite">
              <span data-testid="result-count">{t("search.results", { count: search.data.total })}</span>
              {search.isFetching && <Spinner inline label={t("search.updating")} />}
            </p>
            {tiles.data === true && <SessionMap hits={search.data.items} />}
            <ul className="cards" aria-label={t("search.title")}>
              {search.data.items.map((hit) => (
                <SessionCard key={hit.sessionId} hit={hit} />
              ))}
            </ul>
            <Pager
              page={search.data.page}
              pages={Math.ceil(search.data.total / PAGE_SIZE)}
              onPage={(page) => set("page", page)}
            />
          </>
        )}
      </div>
    </>
  );
}

function FacetSelect({
  id,
  label,
  value,
  values,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  values: FacetValue[] | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  const options = [...(values ?? [])];
  if (value && !options.some((option) => option.value.toLowerCase() === value.toLowerCase())) {
    options.push({ value, count: 0 });
  }
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t("search.any")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.value} ({option.count})
          </option>
        ))}
      </select>
    </div>
  );
}

function SessionCard({ hit }: { hit: SessionSearchHit }) {
  const { t, money, dateTime } = useI18n();
  const title = t("session.title", { home: hit.homeTeam, away: hit.awayTeam });
  return (
    <li className="card session-card" data-testid="session-card">
      <p className="card__eyebrow">
        {hit.competition}
        {hit.venue && (
          <>
            {" · "}
            {hit.venue.city}
          </>
        )}
      </p>
      <h2 className="card__title">
        <Link href={`/sessions/${hit.sessionId}`} aria-label={t("search.open", { title })}>
          {title}
        </Link>
      </h2>
      <p className="card__meta">
        <time dateTime={hit.kickoff}>{dateTime(hit.kickoff)}</time>
        {hit.venue && (
          <>
            {" · "}
            {hit.venue.name} · {t(`session.venueType.${hit.venue.type}`)}
          </>
        )}
      </p>
      {hit.rating && hit.rating.count > 0 && (
        <p className="card__desc">
          <Stars value={hit.rating.average} /> {t("rating.summary", { average: hit.rating.average.toFixed(1), count: hit.rating.count })}
        </p>
      )}
      <div className="card__foot">
        <span className="price">{t("search.from", { price: money(hit.pricePerSeat) })}</span>
        {hit.seatsLeft > 0 ? (
          <span className="badge badge--ok">{t("search.seatsLeft", { count: hit.seatsLeft })}</span>
        ) : (
          <span className="badge badge--bad">{t("search.soldOut")}</span>
        )}
      </div>
    </li>
  );
}

export function Stars({ value }: { value: number }): ReactNode {
  const full = Math.round(value);
  return (
    <span className="stars" aria-hidden="true">
      {"★".repeat(full)}
      {"☆".repeat(Math.max(0, 5 - full))}
    </span>
  );
}

function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useI18n();
  if (pages <= 1) {
    return null;
  }
  return (
    <nav className="pager row" aria-label={t("search.pages")}>
      <button type="button" className="button button--ghost" disabled={page <= 0} onClick={() => onPage(page - 1)}>
        ← {t("search.prev")}
      </button>
      <span aria-current="page">{t("search.page", { page: page + 1, pages })}</span>
      <button
        type="button"
        className="button button--ghost"
        disabled={page + 1 >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t("search.next")} →
      </button>
    </nav>
  );
}

/** A signed-in guest's "sessions for you", each with why; nothing when there is nothing to say. */
function ForYou() {
  const { t } = useI18n();
  const me = useMe();
  const recommendations = useRecommendations(Boolean(me.data));
  const sessions = recommendations.data?.sessions ?? [];
  if (sessions.length === 0) {
    return null;
  }
  return (
    <section className="for-you" aria-labelledby="for-you-title" data-testid="for-you">
      <h2 id="for-you-title">{t("forYou.title")}</h2>
      <ul className="cards">
        {sessions.map((session) => (
          <RecommendedCard key={session.sessionId} session={session} />
        ))}
      </ul>
    </section>
  );
}

function RecommendedCard({ session }: { session: RecommendedSession }) {
  const { t, dateTime } = useI18n();
  const title =
    session.homeTeam && session.awayTeam
      ? t("session.title", { home: session.homeTeam, away: session.awayTeam })
      : (session.competition ?? "");
  return (
    <li className="card session-card" data-testid="recommended-card">
      {session.competition && <p className="card__eyebrow">{session.competition}</p>}
      <h3 className="card__title">
        <Link href={`/sessions/${session.sessionId}`} aria-label={t("search.open", { title })}>
          {title}
        </Link>
      </h3>
      <p className="card__meta">
        <time dateTime={session.kickoff}>{dateTime(session.kickoff)}</time>
      </p>
      <ul className="card__desc reasons">
        {session.reasons.map((reason, index) => {
          const message = reasonMessage(reason);
          return <li key={index}>{t(message.key, message.values)}</li>;
        })}
      </ul>
    </li>
  );
}
