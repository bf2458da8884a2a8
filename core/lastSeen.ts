// "Last seen" as Coder's users table says it: how long ago, in the largest whole unit.
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600_000],
  ["month", 30 * 24 * 3600_000],
  ["day", 24 * 3600_000],
  ["hour", 3600_000],
  ["minute", 60_000],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** `3 hours ago`, `yesterday`, `now`; `never` for Coder's zero time. */
export function lastSeenAgo(lastSeenAt: string, now: number): string {
  const seen = Date.parse(lastSeenAt);
  if (!Number.isFinite(seen) || seen <= 0) return "never";
  const elapsed = Math.max(0, now - seen);
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return relative.format(-Math.floor(elapsed / size), unit);
  }
  return "now";
}
