// A page's first requests, sent by main.ts before the API client (axios, the
// query cache) has even downloaded. The client takes each answer once, in
// place of sending the same GET again (see ApiClient).

interface Early {
  answer: Promise<Response>;
  at: number;
}

const started = new Map<string, Early>();

/** Answers older than this are not used: they belong to the page's start, not to later requests. */
export const EARLY_ANSWER_MAX_AGE_MS = 10_000;

/** Starts a GET of `path` with the session cookie, unless one is already under way. */
export function startEarly(path: string): void {
  if (started.has(path)) return;
  const answer = fetch(new URL(path, window.location.href), {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  });
  // Whoever takes it sees the failure; until then it must not be reported as unhandled.
  answer.catch(() => undefined);
  started.set(path, { answer, at: performance.now() });
}

/** The early answer for `path`, once; undefined when there is none (or it is too old). */
export function takeEarly(path: string): Promise<Response> | undefined {
  const early = started.get(path);
  if (!early) return undefined;
  started.delete(path);
  return performance.now() - early.at <= EARLY_ANSWER_MAX_AGE_MS ? early.answer : undefined;
}
