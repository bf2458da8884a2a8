// The one place that parses, converts and formats money. Amounts travel as
// integer micros (1 USD = 1,000,000 micros); every conversion here is done on
// decimal digits or BigInt, never with floating point, so nothing is rounded
// or clamped behind the admin's back.

export const MICROS_PER_DOLLAR = 1_000_000;
const MICROS_PER_DOLLAR_BIG = 1_000_000n;
const MICRO_DIGITS = 6;

/** Coder refuses per-member budgets above $1,000,000. */
export const MAX_SPEND_LIMIT_MICROS = 1_000_000_000_000;

export const OUT_OF_RANGE_MESSAGE = "Enter an amount between 0 and $1,000,000.";
export const NOT_AN_AMOUNT_MESSAGE = "Enter a plain amount in US dollars, such as 25 or 19.99.";
export const TOO_PRECISE_MESSAGE = "Enter at most 6 decimal places (the smallest amount is $0.000001).";
export const EMPTY_AMOUNT_MESSAGE = "Enter an amount.";

/** Thrown for input that is not an amount we accept; `message` is for the admin. */
export class InvalidAmountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidAmountError";
  }
}

// ASCII digits only: "١٢" and full-width digits are not amounts here.
const PLAIN_DECIMAL = /^(\d*)(?:\.(\d*))?$/;
const NEGATIVE_DECIMAL = /^-\s*(\d+(\.\d*)?|\.\d+)$/;

/**
 * Parses what the admin typed ("25", "25.5", ".5", "0.000001", " 25 ") into
 * integer micros. Throws InvalidAmountError for anything else: empty input,
 * signs, exponents, hex, separators, currency symbols, more than six decimals,
 * or more than the maximum.
 */
export function dollarsToMicros(input: string): number {
  const text = input.trim();
  if (text === "") {
    throw new InvalidAmountError(EMPTY_AMOUNT_MESSAGE);
  }
  if (NEGATIVE_DECIMAL.test(text)) {
    throw new InvalidAmountError(OUT_OF_RANGE_MESSAGE);
  }
  const match = PLAIN_DECIMAL.exec(text);
  const whole = match?.[1] ?? "";
  const fraction = match?.[2] ?? "";
  if (!match || (whole === "" && fraction === "")) {
    throw new InvalidAmountError(NOT_AN_AMOUNT_MESSAGE);
  }
  if (fraction.length > MICRO_DIGITS) {
    throw new InvalidAmountError(TOO_PRECISE_MESSAGE);
  }
  const significantWhole = whole.replace(/^0+/, "");
  // More than 7 integer digits is above $1,000,000 whatever the rest says;
  // checking the length first keeps BigInt away from 10,000-digit input.
  if (significantWhole.length > 7) {
    throw new InvalidAmountError(OUT_OF_RANGE_MESSAGE);
  }
  const micros = BigInt(significantWhole || "0") * MICROS_PER_DOLLAR_BIG + BigInt(fraction.padEnd(MICRO_DIGITS, "0"));
  if (micros > BigInt(MAX_SPEND_LIMIT_MICROS)) {
    throw new InvalidAmountError(OUT_OF_RANGE_MESSAGE);
  }
  return Number(micros);
}

/** The message for an amount the admin typed, or undefined when it is acceptable. */
export function amountInputError(input: string): string | undefined {
  try {
    dollarsToMicros(input);
    return undefined;
  } catch (error) {
    if (error instanceof InvalidAmountError) {
      return error.message;
    }
    throw error;
  }
}

/** The exact decimal for an integer number of micros: 99990000 → "99.99", 1 → "0.000001". */
export function microsToDollars(micros: number | bigint): string {
  if (typeof micros === "number" && !Number.isSafeInteger(micros)) {
    throw new RangeError(`Not a whole number of micros: ${micros}`);
  }
  const value = BigInt(micros);
  const sign = value < 0n ? "-" : "";
  const digits = (value < 0n ? -value : value).toString().padStart(MICRO_DIGITS + 1, "0");
  const whole = digits.slice(0, -MICRO_DIGITS);
  const fraction = digits.slice(-MICRO_DIGITS).replace(/0+$/, "");
  return fraction === "" ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

// Two decimals for whole cents; up to six when the amount has finer digits, so
// $0.000001 is never shown as $0.00.
const usdFormatter = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: MICRO_DIGITS,
});

/** "$7,000.00", "$0.10", "$0.000001". Formats the exact decimal string, not a float. */
export function formatMicrosAsUSD(micros: number | bigint): string {
  // Intl formats decimal strings exactly (NumberFormat v3); the cast is only
  // because TypeScript's lib still types format() as number | bigint.
  return usdFormatter.format(microsToDollars(micros) as unknown as number);
}

const centsFormatter = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * Two decimals, as Coder's tables show money ("$726.99", "$0.00"), rounded
 * half away from zero from the exact decimal; the exact amount goes in a
 * tooltip or the CSV (formatMicrosAsUSD).
 */
export function formatMicrosAsUSDCents(micros: number | bigint): string {
  return centsFormatter.format(microsToDollars(micros) as unknown as number);
}

/** The sum of amounts, exactly: sums of up to $1,000,000 each pass 2^53 micros. */
export function sumMicros(amounts: Iterable<number | bigint>): bigint {
  let total = 0n;
  for (const amount of amounts) total += BigInt(amount);
  return total;
}

/** Per-member budget × members, in BigInt so no member count can overflow it. */
export function groupWideMaximumMicros(spendLimitMicros: number, memberCount: number): bigint {
  return BigInt(spendLimitMicros) * BigInt(memberCount);
}

export type SpendStatus = "unlimited" | "normal" | "warning" | "exceeded";

/**
 * Spend against a limit, as Coder colours it: warning from 85 %, exceeded from
 * 100 %; a $0 limit with any spend is exceeded. Computed in BigInt.
 */
export function spendStatus(spentMicros: number | bigint, limitMicros: number | bigint | null): SpendStatus {
  if (limitMicros === null) return "unlimited";
  const spent = BigInt(spentMicros);
  const limit = BigInt(limitMicros);
  if (limit === 0n) return spent > 0n ? "exceeded" : "normal";
  if (spent >= limit) return "exceeded";
  if (spent * 100n >= limit * 85n) return "warning";
  return "normal";
}

/** Whole percent of the limit spent, rounded down, for a progress bar. */
export function percentSpent(spentMicros: number | bigint, limitMicros: number | bigint): number {
  const spent = BigInt(spentMicros);
  const limit = BigInt(limitMicros);
  if (limit === 0n) return spent > 0n ? 100 : 0;
  return Number((spent * 100n) / limit);
}

const MICROS_PER_CENT = 10_000n;

/**
 * micros × numerator / denominator, rounded half up to a whole cent: a
 * projection is an estimate, and an estimate shown to the micro-dollar would
 * claim a precision it does not have. Integers only (BigInt).
 */
export function scaleMicrosToCents(
  micros: number | bigint,
  numerator: number | bigint,
  denominator: number | bigint,
): bigint {
  const den = BigInt(denominator);
  if (den <= 0n) throw new RangeError("The denominator must be positive.");
  const scaled = BigInt(micros) * BigInt(numerator);
  const perCent = den * MICROS_PER_CENT;
  return ((scaled * 2n + perCent) / (perCent * 2n)) * MICROS_PER_CENT;
}

/**
 * Splits an amount into parts proportional to `weights`, in integers, the
 * parts summing to exactly the amount (the last takes what rounding left).
 */
export function splitMicros(totalMicros: number, weights: readonly number[]): number[] {
  const total = BigInt(totalMicros);
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (sum <= 0n) throw new RangeError("The weights must add up to more than 0.");
  const parts = weights.map((w) => (total * BigInt(w)) / sum);
  parts[parts.length - 1]! += total - parts.reduce((a, b) => a + b, 0n);
  return parts.map(Number);
}

/**
 * How many whole units of something priced per dollar an amount buys (the
 * demo's token counts from a model's price), rounded down, in integers.
 */
export function unitsForMicros(micros: number | bigint, unitsPerDollar: number | bigint): number {
  return Number((BigInt(micros) * BigInt(unitsPerDollar)) / BigInt(MICROS_PER_DOLLAR));
}
