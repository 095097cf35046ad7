import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from "react";

// A small history router: the app has a handful of pages and needs no more.

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

export function navigate(to: string, replace = false) {
  if (replace) {
    window.history.replaceState(null, "", to);
  } else {
    window.history.pushState(null, "", to);
  }
  listeners.forEach((listener) => listener());
  window.scrollTo(0, 0);
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export type Route =
  | { page: "search" }
  | { page: "session"; id: string }
  | { page: "booking"; id: string }
  | { page: "bookings" }
  | { page: "host"; tab: "manage" | "earnings" | "analytics" }
  | { page: "admin"; tab: "rules" | "users" | "audit" | "analytics" | "reviews" }
  | { page: "inbox" }
  | { page: "settings" }
  | { page: "notFound" };

export function route(path: string): Route {
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: "search" };
  if (parts[0] === "sessions" && parts.length === 2) return { page: "session", id: parts[1] };
  if (parts[0] === "bookings" && parts.length === 1) return { page: "bookings" };
  if (parts[0] === "bookings" && parts.length === 2) return { page: "booking", id: parts[1] };
  if (parts[0] === "host" && parts.length === 1) return { page: "host", tab: "manage" };
  if (parts[0] === "host" && parts.length === 2 && (parts[1] === "earnings" || parts[1] === "analytics"))
    return { page: "host", tab: parts[1] };
  if (parts[0] === "admin" && parts.length === 1) return { page: "admin", tab: "rules" };
  if (parts[0] === "admin" && parts.length === 2 && ["users", "audit", "analytics", "reviews"].includes(parts[1]))
    return { page: "admin", tab: parts[1] as "users" | "audit" | "analytics" | "reviews" };
  if (parts[0] === "inbox" && parts.length === 1) return { page: "inbox" };
  if (parts[0] === "settings" && parts.length === 1) return { page: "settings" };
  return { page: "notFound" };
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
