// The time the app shows forecasts at. Real time, except in stories and
// tests, which fix it so a forecast reads the same on every run.

let fixedTime: number | undefined;

export const currentTime = (): Date => new Date(fixedTime ?? Date.now());

/** Fixes the time forecasts are drawn at; returns the function that lets it run again. */
export function fixTimeForForecasts(iso: string): () => void {
  fixedTime = Date.parse(iso);
  return () => {
    fixedTime = undefined;
  };
}
