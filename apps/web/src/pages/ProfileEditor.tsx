import { useEffect, useState, type FormEvent } from "react";
import { useMyProfile, useSaveProfile } from "../api/hooks";
import { useI18n } from "../i18n/i18n";
import { Field, Notice, ProblemMessage, Spinner, fieldError } from "../ui/kit";

/** Languages offered as check boxes; a profile's other languages (set through the API) are kept. */
export const PROFILE_LANGUAGES = ["en", "pl", "de", "es", "fr", "it", "uk"] as const;

/** The host's public profile: the name guests see, a few words about them, the languages they speak. */
export function ProfileEditor() {
  const { t, locale, dateTime } = useI18n();
  const profile = useMyProfile();
  const save = useSaveProfile();
  const [displayName, setDisplayName] = useState("");
  const [bio, setBio] = useState("");
  const [languages, setLanguages] = useState<string[]>([]);
  useEffect(() => {
    if (profile.data) {
      setDisplayName(profile.data.displayName);
      setBio(profile.data.bio ?? "");
      setLanguages(profile.data.languages ?? []);
    }
  }, [profile.data]);
  if (profile.isPending) {
    return <Spinner />;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ displayName: displayName.trim(), bio: bio.trim(), languages });
  };
  const toggle = (language: string, on: boolean) =>
    setLanguages((current) => (on ? [...current, language] : current.filter((item) => item !== language)));
  const offered = [...PROFILE_LANGUAGES, ...languages.filter((item) => !(PROFILE_LANGUAGES as readonly string[]).includes(item))];
  return (
    <section className="card stack" aria-labelledby="profile-title" data-testid="profile" id="host-profile">
      <h2 id="profile-title">{t("profile.title")}</h2>
      {profile.error ? (
        <ProblemMessage error={profile.error} onRetry={() => void profile.refetch()} />
      ) : profile.data ? (
        <p className="muted">{t("profile.since", { date: dateTime(profile.data.memberSince) })}</p>
      ) : (
        <Notice>{t("profile.none")}</Notice>
      )}
      <form className="stack" onSubmit={submit} noValidate>
        <Field label={t("profile.displayName")} hint={t("profile.displayNameHint")} error={fieldError(save.error, "displayName")}>
          {(props) => (
            <input
              {...props}
              className="input"
              value={displayName}
              required
              minLength={2}
              maxLength={60}
              onChange={(event) => setDisplayName(event.target.value)}
            />
          )}
        </Field>
        <Field label={t("profile.bio")} hint={t("profile.bioHint")} error={fieldError(save.error, "bio")}>
          {(props) => (
            <textarea {...props} className="input" value={bio} rows={4} maxLength={1000} onChange={(event) => setBio(event.target.value)} />
          )}
        </Field>
        <fieldset className="checks">
          <legend>{t("profile.languages")}</legend>
          {offered.map((language) => (
            <label key={language} className="check">
              <input
                type="checkbox"
                checked={languages.includes(language)}
                onChange={(event) => toggle(language, event.target.checked)}
              />{" "}
              {languageName(language, locale)}
            </label>
          ))}
        </fieldset>
        {fieldError(save.error, "languages") && <p className="field__error">{fieldError(save.error, "languages")}</p>}
        <div>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? t("common.saving") : t("profile.save")}
          </button>
        </div>
        {save.isPending && <Spinner inline label={t("common.saving")} />}
        {save.isSuccess && <Notice tone="success">{t("profile.saved")}</Notice>}
        <ProblemMessage error={save.error} />
      </form>
    </section>
  );
}

/** "pl" → "Polish" / "polski" in the UI's language; the code itself when the browser does not know it. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
