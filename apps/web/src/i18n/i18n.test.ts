import { describe, expect, it } from "vitest";
import { en } from "./en";
import { pl } from "./pl";
import { format, initialLocale } from "./i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("message catalogs", () => {
  it("have the same keys in English and Polish", () => {
    expect(Object.keys(pl).sort()).toEqual(Object.keys(en).sort());
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(pl[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("leave no Polish string empty", () => {
    expect(Object.values(pl).filter((text) => text.trim() === "")).toEqual([]);
  });
});

describe("format", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("{left} of {seats}", { left: 2, seats: 10 })).toBe("2 of 10");
    expect(format("{missing}")).toBe("{missing}");
  });

  it("picks Polish for a Polish browser unless the user chose", () => {
    expect(initialLocale(null, ["pl-PL", "en"])).toBe("pl");
    expect(initialLocale("en", ["pl-PL"])).toBe("en");
    expect(initialLocale(null, ["de-DE"])).toBe("en");
  });
});
