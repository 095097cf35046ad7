import { useState } from "react";
import { useSessionSearch } from "../api/hooks";
import { useI18n } from "../i18n/i18n";
import { Link } from "../router";
import { EmptyState, ProblemMessage, Spinner } from "../ui/kit";

export function SearchPage() {
  const { t, money, dateTime } = useI18n();
  const [text, setText] = useState("");
  const search = useSessionSearch(text);
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
            value={text}
            placeholder={t("search.placeholder")}
            onChange={(event) => setText(event.target.value)}
            autoComplete="off"
          />
        </form>
      </section>
      {search.isPending ? (
        <Spinner />
      ) : search.error ? (
        <ProblemMessage error={search.error} onRetry={search.refetch} />
      ) : search.listings.length === 0 ? (
        <EmptyState>{text.trim() ? t("search.empty", { text: text.trim() }) : t("search.none")}</EmptyState>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t("search.results", { count: search.listings.length })}
          </p>
          <ul className="cards" aria-label={t("search.title")}>
            {search.listings.map(({ session, fixture }) => {
              const title = fixture
                ? t("session.title", { home: fixture.homeTeam, away: fixture.awayTeam })
                : t("session.unknownFixture");
              return (
                <li key={session.id} className="card session-card">
                  <p className="card__eyebrow">
                    {fixture?.competition} · {fixture?.territory}
                  </p>
                  <h2 className="card__title">
                    <Link href={`/sessions/${session.id}`} aria-label={t("search.open", { title })}>
                      {title}
                    </Link>
                  </h2>
                  <p className="card__meta">
                    <time dateTime={fixture?.kickoff}>{dateTime(fixture?.kickoff)}</time>
                  </p>
                  {session.description && <p className="card__desc">{session.description}</p>}
                  <div className="card__foot">
                    <span className="price">{t("search.from", { price: money(session.pricePerSeat) })}</span>
                    {session.seatsLeft > 0 ? (
                      <span className="badge badge--ok">{t("search.seatsLeft", { count: session.seatsLeft })}</span>
                    ) : (
                      <span className="badge badge--bad">{t("search.soldOut")}</span>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
