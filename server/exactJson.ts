// Sums of micros can pass 2^53 (a large group's total limit; a month of heavy
// spend), where a JavaScript number is no longer exact. They are summed in
// BigInt and written to the wire digit for digit, as Coder's int64 fields are,
// though the body's type (shared with the client) says number.
import { randomUUID } from "node:crypto";
import type { Context } from "hono";

/** For an object in the body, the fields to write from BigInt instead of their number. */
export type ExactIntegers = WeakMap<object, Record<string, bigint>>;

const MARKER = `__exact_integer_${randomUUID()}__`;
const MARKED = new RegExp(`"${MARKER}(-?\\d+)"`, "g");

export function exactJsonText(body: unknown, exact: ExactIntegers): string {
  const text = JSON.stringify(body, function (this: object, key: string, value: unknown) {
    const integer = exact.get(this)?.[key];
    return integer === undefined ? value : `${MARKER}${integer}`;
  });
  return text.replace(MARKED, "$1");
}

export const exactJson = (c: Context, body: unknown, exact: ExactIntegers) =>
  c.body(exactJsonText(body, exact), 200, { "Content-Type": "application/json" });

/** A number for the rules that compare amounts, which never reach 2^53 in a limit. */
export const approximate = (micros: bigint | undefined) => Number(micros ?? 0n);
