import { useMarkRead, useNotifications } from "../api/hooks";
import { useI18n } from "../i18n/i18n";
import { Link } from "../router";
import { EmptyState, ProblemMessage, Spinner } from "../ui/kit";

/** The signed-in user's in-app notifications (`/api/me/notifications`), newest first. */
export function InboxPage() {
  const { t, dateTime } = useI18n();
  const inbox = useNotifications(true);
  const mark = useMarkRead();
  return (
    <section className="stack" aria-labelledby="inbox-title">
      <div className="row row--between">
        <h1 id="inbox-title">{t("inbox.title")}</h1>
        {inbox.data && inbox.data.unread > 0 && (
          <button
            type="button"
            className="button button--ghost"
            disabled={mark.isPending}
            onClick={() => mark.mutate("all")}
          >
            {t("inbox.readAll")}
          </button>
        )}
      </div>
      <ProblemMessage error={mark.error} />
      {mark.isPending && <Spinner label={t("inbox.marking")} />}
      {inbox.isPending ? (
        <Spinner />
      ) : inbox.error ? (
        <ProblemMessage error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.items.length === 0 ? (
        <EmptyState>{t("inbox.empty")}</EmptyState>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t("inbox.unread", { count: inbox.data.unread })}
          </p>
          <ul className="list">
            {inbox.data.items.map((item) => (
              <li
                key={item.id}
                className={item.read ? "card list__item" : "card list__item list__item--unread"}
                data-testid="notification"
                data-kind={item.kind}
              >
                <div className="list__main">
                  <h2 className="card__title">
                    {!item.read && <span className="visually-hidden">{t("inbox.new")}: </span>}
                    {item.link && item.link.startsWith("/") ? (
                      <Link href={item.link} onClick={() => !item.read && mark.mutate(item.id)}>
                        {item.title}
                      </Link>
                    ) : (
                      item.title
                    )}
                  </h2>
                  <p>{item.body}</p>
                  <p className="muted">
                    <time dateTime={item.createdAt}>{dateTime(item.createdAt)}</time>
                  </p>
                </div>
                {!item.read && (
                  <div className="list__side">
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      disabled={mark.isPending}
                      onClick={() => mark.mutate(item.id)}
                      aria-label={t("inbox.markOne", { title: item.title })}
                    >
                      {t("inbox.markRead")}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
