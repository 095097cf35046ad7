// Whether map tiles can be shown: one tile is loaded as an image (what the map would do, and what
// the content security policy allows) with a short timeout. No tile, no map: the list alone.

/** The tile URL template; `VITE_MAP_TILES` at build time changes it (the gateway's CSP must allow its host). */
export const TILE_TEMPLATE: string =
  (import.meta.env?.VITE_MAP_TILES as string | undefined) ?? "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

export const PROBE_TIMEOUT_MS = 2500;

export function tileUrl(template: string, z: number, x: number, y: number): string {
  return template.replace("{z}", String(z)).replace("{x}", String(x)).replace("{y}", String(y));
}

/** Something that loads one image URL and says whether it arrived. */
export type ImageLoader = (url: string, onDone: (ok: boolean) => void) => () => void;

export const browserImageLoader: ImageLoader = (url, onDone) => {
  const image = new Image();
  image.onload = () => onDone(image.naturalWidth > 0);
  image.onerror = () => onDone(false);
  image.src = url;
  return () => {
    image.onload = null;
    image.onerror = null;
    image.src = "";
  };
};

export interface Timers {
  set: (callback: () => void, ms: number) => unknown;
  clear: (id: unknown) => void;
}

// called as plain functions: a browser's setTimeout refuses to run with another `this`
const windowTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

/** True when the world tile (0/0/0) loads within the timeout; false on an error or the timeout. */
export function probeTiles(
  template: string = TILE_TEMPLATE,
  timeoutMs: number = PROBE_TIMEOUT_MS,
  load: ImageLoader = browserImageLoader,
  timers: Timers = windowTimers,
): Promise<boolean> {
  if (!template) {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    let settled = false;
    let cancel: () => void = () => undefined;
    const finish = (ok: boolean) => {
      if (settled) return;
      settled = true;
      timers.clear(timer);
      cancel();
      resolve(ok);
    };
    const timer = timers.set(() => finish(false), timeoutMs);
    cancel = load(tileUrl(template, 0, 0, 0), finish);
  });
}

/** Web Mercator: the tile (x, y) at zoom z containing a point, with the fraction inside it. */
export function tileOf(lat: number, lon: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const x = ((lon + 180) / 360) * n;
  const rad = (Math.max(-85.05112878, Math.min(85.05112878, lat)) * Math.PI) / 180;
  const y = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
  return { x, y };
}
