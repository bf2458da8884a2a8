// How the mock answers: the server's own answers (core/apiAnswers.ts) sent
// with MSW, for errors, bodies it cannot read, and a request without a session.
import { HttpResponse } from "msw";
import {
  type ApiAnswer,
  notSignedIn,
  resourceNotFound,
  unentitled as unentitledAnswer,
  unreadableBody,
} from "../../../core/apiAnswers";
import type { ApiResponse } from "../../../core/types";
import { unstorableTextIn } from "../../../core/edgeChecks";
import { parseRequestJson } from "../../../core/exactJson";

/** One of the answers both backends give, sent with MSW. */
export const answer = ({ status, body, headers }: ApiAnswer<unknown>) =>
  HttpResponse.json(body as Record<string, unknown>, { status, headers });
export const error = (status: number, body: ApiResponse) => HttpResponse.json(body, { status });
export const notFound = () => answer(resourceNotFound());
export const unauthorized = () => answer(notSignedIn());
export const unentitled = () => answer(unentitledAnswer());

export async function readJson(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; unstorable?: string }> {
  let value: unknown;
  try {
    value = parseRequestJson(await request.text());
  } catch {
    return { ok: false };
  }
  const unstorable = unstorableTextIn(value);
  return unstorable ? { ok: false, unstorable } : { ok: true, value };
}

/** The server's 400 for a body that is not JSON, or holds text it cannot store. */
export const brokenJson = (body: { unstorable?: string } = {}) => answer(unreadableBody(body.unstorable));
