import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { en, type MessageKey, type Messages } from "./en";
import { pl } from "./pl";
import type { Money } from "../api/types";

export type Locale = "en" | "pl";
export const LOCALES: Locale[] = ["en", "pl"];
export const CATALOGS: Record<Locale, Messages> = { en, pl };

const STORAGE = "couchannel.locale";

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function initialLocale(stored: string | null, languages: readonly string[]): Locale {
  if (stored === "en" || stored === "pl") {
    return stored;
  }
  return languages.some((language) => language.toLowerCase().startsWith("pl")) ? "pl" : "en";
}

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  money: (money: Money | undefined) => string;
  dateTime: (iso: string | undefined) => string;
}

const Context = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() =>
    initialLocale(safeStorage()?.getItem(STORAGE) ?? null, navigator.languages ?? [navigator.language]),
  );
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    safeStorage()?.setItem(STORAGE, next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const catalog = CATALOGS[locale];
    const dates = new Intl.DateTimeFormat(locale === "pl" ? "pl-PL" : "en-GB", {
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
    });
    return {
      locale,
      setLocale,
      t: (key, params) => format(catalog[key], params),
      money: (money) => {
        if (!money) {
          return "—";
        }
        return new Intl.NumberFormat(locale === "pl" ? "pl-PL" : "en-GB", {
          style: "currency",
          currency: money.currency,
        }).format(Number(money.amount));
      },
      dateTime: (iso) => (iso ? dates.format(new Date(iso)) : "—"),
    };
  }, [locale, setLocale]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) {
    throw new Error("useI18n outside I18nProvider");
  }
  return value;
}
