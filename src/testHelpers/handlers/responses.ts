// How the mock answers, word for word as the server does: errors, bodies it
// cannot read, and a request without a session.
import { HttpResponse } from "msw";
import { AI_UNENTITLED_MESSAGE, type Response } from "../../../core/types";
import { parseRequestJson } from "../../../core/exactJson";
import { unstorableTextIn } from "../../../core/validation";

export const error = (status: number, body: Response) => HttpResponse.json(body, { status });
export const notFound = () => error(404, { message: "Resource not found or you do not have access to this resource" });
export const unauthorized = () =>
  error(401, { message: "You are not signed in.", detail: "Sign in, or send a session token." });
export const unentitled = () => error(403, { message: AI_UNENTITLED_MESSAGE });

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
export const brokenJson = (body: { unstorable?: string } = {}) =>
  body.unstorable
    ? error(400, {
        message: "Request body holds text that cannot be stored.",
        detail: `${body.unstorable} contains a NUL character or a lone surrogate.`,
      })
    : error(400, { message: "Request body must be valid JSON.", detail: "The body could not be parsed." });
