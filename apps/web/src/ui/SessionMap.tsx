import { useQuery } from "@tanstack/react-query";
import type { SessionSearchHit } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { probeTiles, TILE_TEMPLATE, tileOf, tileUrl } from "../logic/tiles";
import { Link } from "../router";

/** Whether map tiles load here: probed once per page load ("on" / "off"). */
export function useTilesReachable() {
  return useQuery({
    queryKey: ["tiles", TILE_TEMPLATE],
    queryFn: () => probeTiles(),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}

const TILE = 256;
const WIDTH = 3 * TILE;
const HEIGHT = 2 * TILE;

interface Placed {
  hit: SessionSearchHit;
  x: number;
  y: number;
}

/**
 * A plain tile grid with a marker per session that has a position: the zoom is the largest that
 * fits every marker in a 768 × 512 window. Each marker is a link, so the map is usable by keyboard;
 * the list below it holds the same sessions for everyone else.
 */
export function SessionMap({ hits }: { hits: SessionSearchHit[] }) {
  const { t } = useI18n();
  const located = hits.filter(
    (hit) => typeof hit.venue?.lat === "number" && typeof hit.venue?.lon === "number",
  );
  if (located.length === 0) {
    return null;
  }
  let zoom = 16;
  let origin = { x: 0, y: 0 };
  for (; zoom >= 1; zoom--) {
    const points = located.map((hit) => tileOf(hit.venue!.lat!, hit.venue!.lon!, zoom));
    const minX = Math.min(...points.map((p) => p.x));
    const maxX = Math.max(...points.map((p) => p.x));
    const minY = Math.min(...points.map((p) => p.y));
    const maxY = Math.max(...points.map((p) => p.y));
    if ((maxX - minX) * TILE <= WIDTH - 48 && (maxY - minY) * TILE <= HEIGHT - 48) {
      origin = {
        x: (minX + maxX) / 2 - WIDTH / TILE / 2,
        y: (minY + maxY) / 2 - HEIGHT / TILE / 2,
      };
      break;
    }
  }
  zoom = Math.max(zoom, 1);
  const n = 2 ** zoom;
  const tiles: { key: string; url: string; left: number; top: number }[] = [];
  for (let tx = Math.floor(origin.x); tx < origin.x + WIDTH / TILE; tx++) {
    for (let ty = Math.floor(origin.y); ty < origin.y + HEIGHT / TILE; ty++) {
      if (ty < 0 || ty >= n) continue;
      const wrapped = ((tx % n) + n) % n;
      tiles.push({
        key: `${tx}/${ty}`,
        url: tileUrl(TILE_TEMPLATE, zoom, wrapped, ty),
        left: (tx - origin.x) * TILE,
        top: (ty - origin.y) * TILE,
      });
    }
  }
  const placed: Placed[] = located.map((hit) => {
    const point = tileOf(hit.venue!.lat!, hit.venue!.lon!, zoom);
    return { hit, x: (point.x - origin.x) * TILE, y: (point.y - origin.y) * TILE };
  });
  return (
    <section className="map" aria-label={t("map.label")} data-testid="session-map">
      <div className="map__canvas">
        {tiles.map((tile) => (
          <img
            key={tile.key}
            className="map__tile"
            src={tile.url}
            alt=""
            width={TILE}
            height={TILE}
            style={{ left: `${(tile.left / WIDTH) * 100}%`, top: `${(tile.top / HEIGHT) * 100}%` }}
          />
        ))}
        {placed.map(({ hit, x, y }) => {
          const title = t("session.title", { home: hit.homeTeam, away: hit.awayTeam });
          return (
            <Link
              key={hit.sessionId}
              href={`/sessions/${hit.sessionId}`}
              className="map__marker"
              aria-label={t("map.marker", { title, venue: hit.venue?.name ?? "" })}
              title={`${title} · ${hit.venue?.name ?? ""}`}
              style={{ left: `${(x / WIDTH) * 100}%`, top: `${(y / HEIGHT) * 100}%` }}
            >
              <span aria-hidden="true">●</span>
            </Link>
          );
        })}
      </div>
      <p className="map__credit">
        {t("map.credit")}{" "}
        <a href="https://www.openstreetmap.org/copyright" rel="noreferrer">
          OpenStreetMap
        </a>
      </p>
    </section>
  );
}
