// Spend answers carry Coder's int64 micros, and a month's total for a large
// group can pass 2^53, where JSON.parse (axios's own parsing) rounds the last
// digits away. These answers are parsed from their text instead: an integer
// beyond Number.MAX_SAFE_INTEGER arrives as a BigInt, every smaller one as
// the number it always was. The wire types still say number; the money
// functions that show and compare amounts (core/currency.ts) take either.
import type { AxiosRequestConfig } from "axios";
import { parseExactJson } from "../../core/exactJson";

function parseExactAnswer(data: unknown): unknown {
  if (typeof data !== "string" || data === "") return data;
  try {
    return parseExactJson(data);
  } catch {
    // As axios does with a body that is not JSON: hand on the text.
    return data;
  }
}

/** Request options for an answer whose amounts must stay exact. */
export const EXACT_ANSWER = {
  responseType: "text",
  transformResponse: parseExactAnswer,
} satisfies AxiosRequestConfig;
