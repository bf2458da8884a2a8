// JSON numbers as they were written. JSON.parse rounds: `999999999999.99999`
// becomes 1000000000000, `1e3` and `1.0` become whole numbers, `-1e-400`
// becomes -0, and an integer above 2^53 loses its last digits. Coder decodes
// these fields into int64, which refuses a fraction or an exponent and keeps
// every digit; these two parsers do the same from the raw text.

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Each number token outside strings: where it starts and its text. */
function* numberTokens(text: string): Generator<{ start: number; token: string }> {
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') {
      i += 1;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      i += 1;
    } else if (char === "-" || (char >= "0" && char <= "9")) {
      NUMBER.lastIndex = i;
      const token = NUMBER.exec(text)?.[0] ?? char;
      yield { start: i, token };
      i += token.length;
    } else {
      i += 1;
    }
  }
}

/** A plain integer, as an int64 field takes it: digits, an optional minus, no fraction, no exponent, not -0. */
const PLAIN_INTEGER = /^(?:0|-?[1-9]\d*)$/;

function replaceNumbers(text: string, replace: (token: string) => string | undefined): string {
  let out = "";
  let from = 0;
  for (const { start, token } of numberTokens(text)) {
    const replacement = replace(token);
    if (replacement === undefined) continue;
    out += text.slice(from, start) + replacement;
    from = start + token.length;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * A request body, parsed with every number that is not a plain integer
 * (`1.0`, `1e3`, `-0`, `999999999999.99999`) kept as its text: a check that
 * wants a whole number then refuses it, as Coder's decoder does, instead of
 * taking what JSON.parse rounded it to. Throws a SyntaxError for text that is
 * not JSON.
 */
export function parseRequestJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (!/[.eE]|-0/.test(text)) return value;
  return JSON.parse(replaceNumbers(text, (token) => (PLAIN_INTEGER.test(token) ? undefined : JSON.stringify(token))));
}

const MARKER = "\u0000exact-integer:";

/**
 * An answer's JSON, with every integer beyond 2^53 as a BigInt instead of a
 * rounded number: spend sums of int64 micros can pass it, and money must stay
 * exact to the micro.
 */
export function parseExactJson(text: string): unknown {
  if (!/\d{16}/.test(text)) return JSON.parse(text);
  const marked = replaceNumbers(text, (token) =>
    PLAIN_INTEGER.test(token) && !Number.isSafeInteger(Number(token)) ? JSON.stringify(MARKER + token) : undefined,
  );
  return JSON.parse(marked, (_key, value: unknown) =>
    typeof value === "string" && value.startsWith(MARKER) ? BigInt(value.slice(MARKER.length)) : value,
  );
}
