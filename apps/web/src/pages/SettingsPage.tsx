import { useEffect, useState, type FormEvent } from "react";
import { usePreferences, usePushPublicKey, useSavePreferences, useSavePushSubscription } from "../api/hooks";
import type { NotificationPreferences, NotificationSwitches } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { base64UrlBytes, pushSupported } from "../logic/push";
import { Notice, ProblemMessage, Spinner } from "../ui/kit";

const CATEGORIES: (keyof NotificationSwitches)[] = ["bookings", "reminders", "waitlist"];
const ALL_ON: NotificationSwitches = { bookings: true, reminders: true, waitlist: true };

function timeZones(current: string | undefined): string[] {
  const known = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  const zones = new Set(["UTC", ...known]);
  if (current) zones.add(current);
  return [...zones];
}

/** Language, time zone and which categories each channel carries; web push for this browser. */
export function SettingsPage() {
  const { t, setLocale } = useI18n();
  const preferences = usePreferences();
  const save = useSavePreferences();
  const [draft, setDraft] = useState<NotificationPreferences | null>(null);
  useEffect(() => {
    if (preferences.data && !draft) {
      setDraft({ ...preferences.data, push: preferences.data.push ?? ALL_ON });
    }
  }, [preferences.data, draft]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft) {
      save.mutate(draft, { onSuccess: (saved) => setLocale(saved.locale) });
    }
  };
  const toggle = (channel: "email" | "push", category: keyof NotificationSwitches, on: boolean) =>
    setDraft((current) =>
      current ? { ...current, [channel]: { ...(current[channel] ?? ALL_ON), [category]: on } } : current,
    );

  return (
    <section className="stack narrow" aria-labelledby="settings-title">
      <h1 id="settings-title">{t("settings.title")}</h1>
      {preferences.isPending || (!draft && !preferences.error) ? (
        <Spinner />
      ) : preferences.error ? (
        <ProblemMessage error={preferences.error} onRetry={() => void preferences.refetch()} />
      ) : (
        draft && (
          <form className="card stack" onSubmit={submit} aria-busy={save.isPending}>
            <div className="field">
              <label htmlFor="pref-locale">{t("settings.locale")}</label>
              <select
                id="pref-locale"
                className="input"
                value={draft.locale}
                onChange={(event) => setDraft({ ...draft, locale: event.target.value as "en" | "pl" })}
              >
                <option value="en" lang="en">
                  English
                </option>
                <option value="pl" lang="pl">
                  Polski
                </option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="pref-zone">{t("settings.timeZone")}</label>
              <select
                id="pref-zone"
                className="input"
                value={draft.timeZone ?? "UTC"}
                onChange={(event) => setDraft({ ...draft, timeZone: event.target.value })}
              >
                {timeZones(draft.timeZone).map((zone) => (
                  <option key={zone}>{zone}</option>
                ))}
              </select>
            </div>
            {(["email", "push"] as const).map((channel) => (
              <fieldset key={channel} className="switches">
                <legend>{t(`settings.channel.${channel}`)}</legend>
                {CATEGORIES.map((category) => (
                  <label key={category} className="choice">
                    <input
                      type="checkbox"
                      checked={(draft[channel] ?? ALL_ON)[category]}
                      onChange={(event) => toggle(channel, category, event.target.checked)}
                    />
                    <span>{t(`settings.category.${category}`)}</span>
                  </label>
                ))}
              </fieldset>
            ))}
            <ProblemMessage error={save.error} />
            {save.isSuccess && <Notice tone="success">{t("settings.saved")}</Notice>}
            <div className="row">
              <button type="submit" className="button button--primary" disabled={save.isPending}>
                {t("common.save")}
              </button>
              {save.isPending && <Spinner inline />}
            </div>
          </form>
        )
      )}
      <PushSubscription />
    </section>
  );
}

type PushState = "idle" | "working" | "on" | "denied" | "failed";

function PushSubscription() {
  const { t } = useI18n();
  const supported = pushSupported();
  const key = usePushPublicKey(supported);
  const store = useSavePushSubscription();
  const [state, setState] = useState<PushState>("idle");
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    if (!supported) return;
    void navigator.serviceWorker
      .getRegistration("/")
      .then((registration) => registration?.pushManager.getSubscription())
      .then((subscription) => subscription && setState("on"))
      .catch(() => undefined);
  }, [supported]);

  const subscribe = async () => {
    if (!key.data) return;
    setState("working");
    setFailure(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setState("denied");
        return;
      }
      const registration = await navigator.serviceWorker.register("/push-worker.js", { scope: "/" });
      await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: base64UrlBytes(key.data.publicKey),
      });
      await store.mutateAsync(subscription.toJSON());
      setState("on");
    } catch (error) {
      setFailure(error);
      setState("failed");
    }
  };

  return (
    <section className="card stack" aria-labelledby="push-title">
      <h2 id="push-title">{t("push.title")}</h2>
      {!supported ? (
        <p className="muted" data-testid="push-unsupported">
          {t("push.unsupported")}
        </p>
      ) : key.isPending ? (
        <Spinner />
      ) : key.error ? (
        <ProblemMessage error={key.error} onRetry={() => void key.refetch()} />
      ) : state === "on" ? (
        <Notice tone="success">{t("push.on")}</Notice>
      ) : (
        <>
          <p className="muted">{t("push.intro")}</p>
          {state === "denied" && <Notice tone="warning">{t("push.denied")}</Notice>}
          {state === "failed" && <ProblemMessage error={failure} />}
          <div className="row">
            <button
              type="button"
              className="button button--primary"
              disabled={state === "working"}
              onClick={() => void subscribe()}
            >
              {t("push.subscribe")}
            </button>
            {state === "working" && <Spinner inline />}
          </div>
        </>
      )}
    </section>
  );
}
