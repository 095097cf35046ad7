import { useRef, useState, type FormEvent } from "react";
import {
  idempotencyKey,
  useBook,
  useJoinWaitlist,
  useLeaveWaitlist,
  useLiveSeats,
  useMe,
  useQuote,
  useSession,
  useVenueReviews,
  useWaitlistPlace,
} from "../api/hooks";
import { ApiError } from "../api/client";
import { SANDBOX_CARDS, type SessionDetails } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { Link, navigate } from "../router";
import { signIn } from "../auth";
import { Badge, Field, Notice, ProblemMessage, Spinner, fieldError } from "../ui/kit";
import { Stars } from "./SearchPage";
import { languageName } from "./ProfileEditor";
import { percent } from "../logic/chart";

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
            {details.rating && (
              <div>
                <dt>{t("session.rating")}</dt>
                <dd data-testid="rating">
                  {details.rating.count > 0 ? (
                    <>
                      <Stars value={details.rating.average} />{" "}
                      {t("rating.summary", {
                        average: details.rating.average.toFixed(1),
                        count: details.rating.count,
                      })}
                    </>
                  ) : (
                    t("rating.none")
                  )}
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
      <HostCard details={details} />
      {details.venue && <VenueReviews venueId={details.venue.id} />}
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

  const open = session.status === "PUBLISHED" && session.seatsLeft > 0 && Boolean(me.data);
  const quote = useQuote(session.id, seats, open);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    book.mutate(
      { sessionId: session.id, seats, paymentMethod: card, key: key.current, quoteId: quote.data?.id },
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
        <>
          <Notice tone="warning">{t("book.soldOut")}</Notice>
          {me.data ? (
            <Waitlist session={session} />
          ) : (
            !me.isPending && (
              <button
                type="button"
                className="button button--primary"
                onClick={() => signIn(`/sessions/${session.id}`)}
              >
                {t("waitlist.signIn")}
              </button>
            )
          )}
        </>
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
          <QuoteBox quote={quote} />
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

function QuoteBox({ quote }: { quote: ReturnType<typeof useQuote> }) {
  const { t, money, dateTime } = useI18n();
  if (quote.isPending && quote.fetchStatus !== "idle") {
    return <Spinner label={t("quote.loading")} />;
  }
  if (quote.error) {
    return (
      <div className="stack">
        <ProblemMessage error={quote.error} onRetry={() => void quote.refetch()} />
        <p className="muted">{t("quote.without")}</p>
      </div>
    );
  }
  if (!quote.data) {
    return null;
  }
  const data = quote.data;
  return (
    <section className="quote" aria-labelledby="quote-title" data-testid="quote" aria-busy={quote.isFetching}>
      <h3 id="quote-title" className="quote__title">
        {t("quote.title")}
      </h3>
      <dl className="quote__lines">
        <div>
          <dt>{t("quote.subtotal", { seats: data.seats })}</dt>
          <dd>{money(data.subtotal)}</dd>
        </div>
        <div>
          <dt>{t("quote.fee")}</dt>
          <dd>{money(data.serviceFee)}</dd>
        </div>
        <div>
          <dt>{t("quote.vat", { country: data.vatCountry })}</dt>
          <dd>{money(data.vat)}</dd>
        </div>
        <div className="quote__total">
          <dt>{t("quote.total")}</dt>
          <dd data-testid="quote-total">{money(data.total)}</dd>
        </div>
      </dl>
      <p className="muted">
        {t("quote.expires", { time: dateTime(data.expiresAt) })}
        {quote.isFetching && <Spinner inline label={t("quote.loading")} />}
      </p>
    </section>
  );
}

function Waitlist({ session }: { session: SessionDetails }) {
  const { t, dateTime } = useI18n();
  const place = useWaitlistPlace(session.id, true);
  const join = useJoinWaitlist(session.id);
  const leave = useLeaveWaitlist(session.id);
  const book = useBook();
  const [seats, setSeats] = useState(1);
  const [card, setCard] = useState<string>(SANDBOX_CARDS[0]);
  const key = useRef(idempotencyKey());
  if (place.isPending) {
    return <Spinner />;
  }
  if (place.error) {
    return <ProblemMessage error={place.error} onRetry={() => void place.refetch()} />;
  }
  const current = place.data;
  const active = current && (current.status === "WAITING" || current.status === "OFFERED");
  return (
    <section className="stack waitlist" aria-labelledby="waitlist-title" data-testid="waitlist">
      <h3 id="waitlist-title">{t("waitlist.title")}</h3>
      {current && active ? (
        <>
          <p data-testid="waitlist-status" data-status={current.status}>
            <Badge tone={current.status === "OFFERED" ? "ok" : "wait"}>{t(`waitlist.status.${current.status}`)}</Badge>{" "}
            {current.status === "WAITING" &&
              current.position !== undefined &&
              t("waitlist.position", { position: current.position, seats: current.seats })}
          </p>
          {current.status === "OFFERED" && current.offer?.status === "OPEN" && (
            <form
              className="stack"
              onSubmit={(event) => {
                event.preventDefault();
                book.mutate(
                  {
                    sessionId: session.id,
                    seats: current.offer!.seats,
                    paymentMethod: card,
                    key: key.current,
                    waitlistOfferId: current.offer!.id,
                  },
                  { onSuccess: (booking) => navigate(`/bookings/${booking.id}`) },
                );
              }}
            >
              <Notice tone="success">
                {t("waitlist.offer", { seats: current.offer.seats, time: dateTime(current.offer.expiresAt) })}
              </Notice>
              <Field label={t("book.card")}>
                {(props) => (
                  <select {...props} className="input" value={card} onChange={(event) => setCard(event.target.value)}>
                    {SANDBOX_CARDS.map((option) => (
                      <option key={option} value={option}>
                        {t(`book.card.${option}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <ProblemMessage error={book.error} />
              <button type="submit" className="button button--primary" disabled={book.isPending}>
                {t("waitlist.accept")}
              </button>
              {book.isPending && <Spinner label={t("book.working")} />}
            </form>
          )}
          <ProblemMessage error={leave.error} />
          <div>
            <button
              type="button"
              className="button button--ghost"
              disabled={leave.isPending}
              onClick={() => leave.mutate()}
            >
              {t("waitlist.leave")}
            </button>
            {leave.isPending && <Spinner inline />}
          </div>
        </>
      ) : (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            join.mutate(seats);
          }}
          aria-busy={join.isPending}
        >
          <p className="muted">{t("waitlist.intro")}</p>
          {current && <p className="muted">{t(`waitlist.status.${current.status}`)}</p>}
          <Field label={t("waitlist.seats")} error={fieldError(join.error, "seats")}>
            {(props) => (
              <input
                {...props}
                className="input"
                type="number"
                min={1}
                max={20}
                value={seats}
                onChange={(event) => setSeats(Math.max(1, Math.min(20, Number(event.target.value) || 1)))}
              />
            )}
          </Field>
          <ProblemMessage error={join.error} />
          <button type="submit" className="button button--primary" disabled={join.isPending}>
            {t("waitlist.join")}
          </button>
          {join.isPending && <Spinner label={t("waitlist.joining")} />}
        </form>
      )}
    </section>
  );
}

function VenueReviews({ venueId }: { venueId: string }) {
  const { t, dateTime } = useI18n();
  const reviews = useVenueReviews(venueId);
  return (
    <section className="card stack" aria-labelledby="reviews-title" data-testid="reviews">
      <h2 id="reviews-title">{t("reviews.title")}</h2>
      {reviews.isPending ? (
        <Spinner />
      ) : reviews.error ? (
        <ProblemMessage error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.items.length === 0 ? (
        <p className="muted">{t("reviews.none")}</p>
      ) : (
        <>
          <p>
            <Stars value={reviews.data.rating.average} />{" "}
            {t("rating.summary", {
              average: reviews.data.rating.average.toFixed(1),
              count: reviews.data.rating.count,
            })}
          </p>
          <ul className="list">
            {reviews.data.items.map((review) => (
              <li key={review.id} className="review">
                <p>
                  <Stars value={review.rating} />{" "}
                  <span className="visually-hidden">{t("reviews.stars", { rating: review.rating })}</span>
                  <time className="muted" dateTime={review.postedAt}>
                    {dateTime(review.postedAt)}
                  </time>
                </p>
                <p>{review.text}</p>
                {review.reply && (
                  <p className="review__reply">
                    <strong>{t("reviews.reply")}</strong> {review.reply.text}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Who hosts the session (their public profile) and their reputation, each part said in plain words. */
function HostCard({ details }: { details: SessionDetails }) {
  const { t, locale, dateTime } = useI18n();
  const host = details.host;
  const reputation = details.hostReputation?.host;
  if (!host && !reputation) {
    return null;
  }
  const share = (value: number) => percent(value, locale);
  return (
    <section className="card stack" aria-labelledby="host-title" data-testid="host">
      <h2 id="host-title">{host ? t("hostCard.title", { name: host.displayName }) : t("hostCard.anonymous")}</h2>
      {host && (
        <>
          {host.bio && <p data-testid="host-bio">{host.bio}</p>}
          <dl className="facts">
            {host.languages && host.languages.length > 0 && (
              <div>
                <dt>{t("hostCard.languages")}</dt>
                <dd>{host.languages.map((code) => languageName(code, locale)).join(", ")}</dd>
              </div>
            )}
            {host.memberSince && (
              <div>
                <dt>{t("hostCard.since")}</dt>
                <dd>
                  <time dateTime={host.memberSince}>{dateTime(host.memberSince)}</time>
                </dd>
              </div>
            )}
          </dl>
        </>
      )}
      {reputation && (
        <div data-testid="reputation">
          <p>
            <strong>{t("hostCard.score", { score: reputation.score.toFixed(0) })}</strong>
          </p>
          <ul className="reputation__parts">
            <li>
              {reputation.rating.count > 0
                ? t("hostCard.rating", {
                    average: reputation.rating.average.toFixed(1),
                    count: reputation.rating.count,
                  })
                : t("hostCard.ratingNone")}
            </li>
            <li>
              {t("hostCard.reliability", {
                cancelled: reputation.cancellations.cancelled,
                sessions: reputation.cancellations.sessions,
                reliability: share(reputation.cancellations.reliability),
              })}
            </li>
            <li>
              {reputation.responses.reviews > 0
                ? t("hostCard.responsiveness", {
                    replied: reputation.responses.repliedInTime,
                    reviews: reputation.responses.reviews,
                    responsiveness: share(reputation.responses.responsiveness),
                  })
                : t("hostCard.responsivenessNone", { responsiveness: share(reputation.responses.responsiveness) })}
            </li>
          </ul>
          <p className="muted">{t("hostCard.how")}</p>
        </div>
      )}
    </section>
  );
}
