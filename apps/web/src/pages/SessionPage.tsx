import { useRef, useState, type FormEvent } from "react";
import { idempotencyKey, useBook, useLiveSeats, useMe, useSession } from "../api/hooks";
import { ApiError } from "../api/client";
import { SANDBOX_CARDS, type SessionDetails } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { Link, navigate } from "../router";
import { signIn } from "../auth";
import { Field, Notice, ProblemMessage, Spinner, fieldError } from "../ui/kit";

export function SessionPage({ id }: { id: string }) {
  const { t, money, dateTime } = useI18n();
  const session = useSession(id);
  useLiveSeats(id);
  if (session.isPending) {
    return <Spinner />;
  }
  if (session.error) {
    if (session.error instanceof ApiError && session.error.status === 404) {
      return (
        <div className="stack">
          <h1>{t("session.unknownFixture")}</h1>
          <Notice tone="warning">{t("session.notFound")}</Notice>
          <Link href="/" className="button button--ghost">
            {t("notFound.home")}
          </Link>
        </div>
      );
    }
    return <ProblemMessage error={session.error} onRetry={() => void session.refetch()} />;
  }
  const details = session.data;
  const fixture = details.fixture;
  const title = fixture
    ? t("session.title", { home: fixture.homeTeam, away: fixture.awayTeam })
    : t("session.unknownFixture");
  const degraded = details.degraded ?? [];
  return (
    <article className="session" aria-labelledby="session-title">
      <nav aria-label={t("common.back")}>
        <Link href="/" className="back">
          ← {t("nav.find")}
        </Link>
      </nav>
      <header className="session__head">
        {fixture && <p className="card__eyebrow">{fixture.competition}</p>}
        <h1 id="session-title">{title}</h1>
        {details.description && <p className="hero__lead">{details.description}</p>}
      </header>
      {degraded.length > 0 && (
        <Notice tone="warning">
          {t("session.degraded", { parts: degraded.map((part) => t(`session.degraded.${part}`)).join(", ") })}
        </Notice>
      )}
      <div className="session__grid">
        <section className="card" aria-labelledby="facts-title">
          <h2 id="facts-title" className="visually-hidden">
            {title}
          </h2>
          <dl className="facts">
            <div>
              <dt>{t("session.kickoff")}</dt>
              <dd>
                <time dateTime={fixture?.kickoff}>{dateTime(fixture?.kickoff)}</time>
              </dd>
            </div>
            {details.venue && (
              <div>
                <dt>{t("session.venue")}</dt>
                <dd>
                  <strong>{details.venue.name}</strong> · {t(`session.venueType.${details.venue.type}`)} ·{" "}
                  {details.venue.city}, {details.venue.country}
                  <br />
                  <span className="muted">
                    {t("session.screens", {
                      screens: details.venue.screens,
                      inches: details.venue.largestScreenInches,
                    })}
                    {" · "}
                    {t("session.capacity", { capacity: details.venue.capacity })}
                  </span>
                </dd>
              </div>
            )}
            {details.venue && details.venue.packages.length > 0 && (
              <div>
                <dt>{t("session.packages")}</dt>
                <dd>{details.venue.packages.map((pack) => pack.provider).join(", ")}</dd>
              </div>
            )}
            <div>
              <dt>{t("session.seatsLeft")}</dt>
              <dd>
                <span className="seats-left" data-testid="seats-left">
                  {details.seatsLeft}
                </span>{" "}
                <span className="muted">/ {details.seats}</span>
              </dd>
            </div>
            <div>
              <dt>{t("session.price")}</dt>
              <dd>
                {details.price ? (
                  <>
                    <strong className="price">{money(details.price.perSeat)}</strong>
                    <br />
                    <span className="muted">
                      {t("session.priceIncl", {
                        fee: money(details.price.serviceFee),
                        vat: money(details.price.vat),
                        country: details.price.vatCountry,
                      })}
                    </span>
                  </>
                ) : (
                  <>
                    <strong className="price">{money(details.pricePerSeat)}</strong>
                    <br />
                    <span className="muted">{t("session.priceBase")}</span>
                  </>
                )}
              </dd>
            </div>
            {details.refundPolicy && (
              <div>
                <dt>{t("session.refund")}</dt>
                <dd>{t(`session.refund.${details.refundPolicy}`)}</dd>
              </div>
            )}
          </dl>
        </section>
        <BookingForm session={details} />
      </div>
    </article>
  );
}

function BookingForm({ session }: { session: SessionDetails }) {
  const { t } = useI18n();
  const me = useMe();
  const book = useBook();
  const [seats, setSeats] = useState(1);
  const [card, setCard] = useState<string>(SANDBOX_CARDS[0]);
  // one key per intended booking: a retry after a network failure books once
  const key = useRef(idempotencyKey());
  const maxSeats = Math.max(1, Math.min(6, session.seatsLeft));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    book.mutate(
      { sessionId: session.id, seats, paymentMethod: card, key: key.current },
      {
        onSuccess: (booking) => {
          key.current = idempotencyKey();
          navigate(`/bookings/${booking.id}`);
        },
        onError: (error) => {
          // a refusal is final for this intent; a lost answer is retried with the same key
          if (error instanceof ApiError && !error.unreachable) {
            key.current = idempotencyKey();
          }
        },
      },
    );
  };

  return (
    <section className="card booking-form" aria-labelledby="book-title">
      <h2 id="book-title">{t("book.title")}</h2>
      {session.status !== "PUBLISHED" ? (
        <Notice tone="warning">{t("session.notOpen")}</Notice>
      ) : session.seatsLeft <= 0 ? (
        <Notice tone="warning">{t("book.soldOut")}</Notice>
      ) : me.isPending ? (
        <Spinner />
      ) : !me.data ? (
        <button type="button" className="button button--primary" onClick={() => signIn(`/sessions/${session.id}`)}>
          {t("book.signIn")}
        </button>
      ) : (
        <form onSubmit={submit} className="stack" aria-busy={book.isPending}>
          <Field label={t("book.seats")} hint={t("book.seatsHint")} error={fieldError(book.error, "seats")}>
            {(props) => (
              <input
                {...props}
                className="input"
                type="number"
                min={1}
                max={maxSeats}
                value={seats}
                onChange={(event) => setSeats(Math.max(1, Math.min(maxSeats, Number(event.target.value) || 1)))}
                required
              />
            )}
          </Field>
          <fieldset className="cards-choice">
            <legend>{t("book.card")}</legend>
            {SANDBOX_CARDS.map((option) => (
              <label key={option} className="choice">
                <input
                  type="radio"
                  name="card"
                  value={option}
                  checked={card === option}
                  onChange={() => setCard(option)}
                />
                <span>
                  {t(`book.card.${option}`)} <code className="muted">{option}</code>
                </span>
              </label>
            ))}
            <small className="field__hint">{t("book.sandbox")}</small>
          </fieldset>
          <ProblemMessage error={book.error} />
          <button type="submit" className="button button--primary" disabled={book.isPending}>
            {t("book.submit")}
          </button>
          {book.isPending && <Spinner label={t("book.working")} />}
        </form>
      )}
    </section>
  );
}
