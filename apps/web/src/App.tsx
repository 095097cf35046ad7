import { useEffect, useRef, type ReactNode } from "react";
import { useLogout, useMe, useMyEvents, useNotifications } from "./api/hooks";
import { signIn, takeReturnTo } from "./auth";
import { LOCALES, useI18n, type Locale } from "./i18n/i18n";
import { AdminPage } from "./pages/AdminPage";
import { BookingPage } from "./pages/BookingPage";
import { HostPage } from "./pages/HostPage";
import { InboxPage } from "./pages/InboxPage";
import { SettingsPage } from "./pages/SettingsPage";
import { MyBookingsPage } from "./pages/MyBookingsPage";
import { SearchPage } from "./pages/SearchPage";
import { SessionPage } from "./pages/SessionPage";
import { Link, navigate, route, usePath } from "./router";
import { Notice, ProblemMessage, Spinner } from "./ui/kit";

export function App() {
  const path = usePath();
  const current = route(path);
  const main = useRef<HTMLElement>(null);
  const { t } = useI18n();
  const me = useMe();

  useEffect(() => {
    // back from /bff/login: return to the page that asked for it
    if (me.data) {
      const back = takeReturnTo();
      if (back && back !== window.location.pathname) {
        navigate(back, true);
      }
    }
  }, [me.data]);

  const firstPath = useRef(path);
  useEffect(() => {
    // a new page (not the first): move focus to its content, so that screen readers and the
    // keyboard start there as they would after a full page load
    if (path !== firstPath.current) {
      firstPath.current = "";
      main.current?.focus({ preventScroll: true });
    }
  }, [path]);

  let page: ReactNode;
  switch (current.page) {
    case "search":
      page = <SearchPage />;
      break;
    case "session":
      page = <SessionPage id={current.id} />;
      break;
    case "booking":
      page = <Guarded>{<BookingPage id={current.id} />}</Guarded>;
      break;
    case "bookings":
      page = <Guarded>{<MyBookingsPage />}</Guarded>;
      break;
    case "host":
      page = <Guarded role="host">{<HostPage tab={current.tab} />}</Guarded>;
      break;
    case "admin":
      page = <Guarded role="admin">{<AdminPage tab={current.tab} />}</Guarded>;
      break;
    case "inbox":
      page = <Guarded>{<InboxPage />}</Guarded>;
      break;
    case "settings":
      page = <Guarded>{<SettingsPage />}</Guarded>;
      break;
    default:
      page = (
        <div className="stack narrow">
          <h1>{t("notFound.title")}</h1>
          <p>{t("error.notFound")}</p>
          <Link href="/" className="button button--primary">
            {t("notFound.home")}
          </Link>
        </div>
      );
  }

  return (
    <>
      <a href="#main" className="skip-link">
        {t("app.skip")}
      </a>
      <Header />
      <main id="main" ref={main} tabIndex={-1} className="main">
        {new URLSearchParams(window.location.search).get("login") === "failed" && (
          <Notice tone="warning">{t("auth.failed")}</Notice>
        )}
        {page}
      </main>
      <footer className="footer">
        <p>
          <strong>{t("app.name")}</strong> · {t("app.footer")}
        </p>
      </footer>
    </>
  );
}

function Guarded({ role, children }: { role?: "host" | "admin"; children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  if (me.isPending) {
    return <Spinner />;
  }
  if (me.error) {
    return <ProblemMessage error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (!me.data) {
    return (
      <div className="stack narrow">
        <Notice>{t("auth.needed")}</Notice>
        <div>
          <button type="button" className="button button--primary" onClick={() => signIn()}>
            {t("auth.signIn")}
          </button>
        </div>
      </div>
    );
  }
  if (role && !me.data.roles.includes(role) && !me.data.roles.includes("admin")) {
    return <Notice tone="warning">{role === "host" ? t("host.forbidden") : t("admin.forbidden")}</Notice>;
  }
  return <>{children}</>;
}

function Header() {
  const { t, locale, setLocale } = useI18n();
  const me = useMe();
  const logout = useLogout();
  const path = usePath();
  const roles = me.data?.roles ?? [];
  // the booking events refresh the inbox's count while the stream is open
  useMyEvents(Boolean(me.data));
  const inbox = useNotifications(Boolean(me.data));
  const unread = inbox.data?.unread ?? 0;
  const item = (href: string, label: string, extra?: ReactNode) => {
    const active = href === "/" ? path === "/" || path.startsWith("/sessions") : path.startsWith(href);
    return (
      <li>
        <Link href={href} className="nav__link" aria-current={active ? "page" : undefined}>
          {label}
          {extra}
        </Link>
      </li>
    );
  };
  return (
    <header className="header">
      <div className="header__inner">
        <Link href="/" className="brand" aria-label={`${t("app.name")} — ${t("nav.find")}`}>
          <span className="brand__mark" aria-hidden="true">
            ▶
          </span>
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.label")} className="nav">
          <ul>
            {item("/", t("nav.find"))}
            {me.data && item("/bookings", t("nav.bookings"))}
            {me.data &&
              item(
                "/inbox",
                t("nav.inbox"),
                unread > 0 ? (
                  <span className="nav__count" data-testid="unread">
                    {" "}
                    <span aria-hidden="true">{unread}</span>
                    <span className="visually-hidden">{t("nav.unread", { count: unread })}</span>
                  </span>
                ) : undefined,
              )}
            {me.data && item("/settings", t("nav.settings"))}
            {(roles.includes("host") || roles.includes("admin")) && item("/host", t("nav.host"))}
            {roles.includes("admin") && item("/admin", t("nav.admin"))}
          </ul>
        </nav>
        <div className="header__tools">
          <div className="lang" role="group" aria-label={t("lang.label")}>
            {LOCALES.map((option: Locale) => (
              <button
                key={option}
                type="button"
                className="lang__option"
                aria-pressed={locale === option}
                lang={option}
                onClick={() => setLocale(option)}
              >
                {option.toUpperCase()}
              </button>
            ))}
          </div>
          {me.isPending ? (
            <Spinner inline />
          ) : me.data ? (
            <>
              <span className="who" data-testid="signed-in-as">
                {t("auth.signedInAs", { email: me.data.email ?? me.data.id })}
              </span>
              <button
                type="button"
                className="button button--ghost button--small"
                disabled={logout.isPending}
                onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/") })}
              >
                {logout.isPending ? t("auth.signingOut") : t("auth.signOut")}
              </button>
            </>
          ) : (
            <button type="button" className="button button--primary button--small" onClick={() => signIn()}>
              {t("auth.signIn")}
            </button>
          )}
        </div>
      </div>
      {logout.error && <ProblemMessage error={logout.error} />}
    </header>
  );
}
