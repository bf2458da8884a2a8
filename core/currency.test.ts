import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  unitsForMicros,
  amountInputError,
  dollarsToMicros,
  formatMicrosAsUSD,
  groupWideMaximumMicros,
  InvalidAmountError,
  MAX_SPEND_LIMIT_MICROS,
  microsToDollars,
  NOT_AN_AMOUNT_MESSAGE,
  OUT_OF_RANGE_MESSAGE,
  percentSpent,
  spendStatus,
  TOO_PRECISE_MESSAGE,
  scaleMicrosToCents,
  splitMicros,
  sumMicros,
} from "./currency";

describe("dollarsToMicros", () => {
  it.each([
    ["25", 25_000_000],
    ["25.5", 25_500_000],
    ["19.99", 19_990_000],
    ["0.000001", 1],
    [" 25 ", 25_000_000],
    ["0", 0],
    ["00", 0],
    ["0.5", 500_000],
    [".5", 500_000],
    ["5.", 5_000_000],
    ["1.123456", 1_123_456],
    ["999999.999999", 999_999_999_999],
    ["1000000", 1_000_000_000_000],
    ["1000000.000000", 1_000_000_000_000],
    ["25\n", 25_000_000],
    ["0001000", 1_000_000_000],
    // Leading zeros do not count towards the seven digits of $1,000,000.
    ["00000001000000", 1_000_000_000_000],
  ])("reads %j as %i micros", (input, micros) => {
    expect(dollarsToMicros(input)).toBe(micros);
  });

  it.each([
    ["-1", OUT_OF_RANGE_MESSAGE],
    ["-0", OUT_OF_RANGE_MESSAGE],
    ["-0.5", OUT_OF_RANGE_MESSAGE],
    ["1000000.01", OUT_OF_RANGE_MESSAGE],
    ["1000000.000001", OUT_OF_RANGE_MESSAGE],
    ["9007199254740993", OUT_OF_RANGE_MESSAGE],
    ["0.0000001", TOO_PRECISE_MESSAGE],
    ["1.1234567", TOO_PRECISE_MESSAGE],
    ["1e3", NOT_AN_AMOUNT_MESSAGE],
    ["1E-2", NOT_AN_AMOUNT_MESSAGE],
    ["0x10", NOT_AN_AMOUNT_MESSAGE],
    ["Infinity", NOT_AN_AMOUNT_MESSAGE],
    ["NaN", NOT_AN_AMOUNT_MESSAGE],
    ["1,000", NOT_AN_AMOUNT_MESSAGE],
    ["1 000", NOT_AN_AMOUNT_MESSAGE],
    ["$25", NOT_AN_AMOUNT_MESSAGE],
    ["25$", NOT_AN_AMOUNT_MESSAGE],
    ["25 USD", NOT_AN_AMOUNT_MESSAGE],
    ["١٢", NOT_AN_AMOUNT_MESSAGE],
    ["+5", NOT_AN_AMOUNT_MESSAGE],
    [".", NOT_AN_AMOUNT_MESSAGE],
    ["2\n5", NOT_AN_AMOUNT_MESSAGE],
  ])("refuses %j with a message the admin can act on", (input, message) => {
    expect(() => dollarsToMicros(input)).toThrow(message);
  });

  it("refuses empty and blank input", () => {
    expect(() => dollarsToMicros("")).toThrow();
    expect(() => dollarsToMicros("   ")).toThrow();
  });

  it("refuses a 10,000-character string quickly and cleanly", () => {
    expect(() => dollarsToMicros("9".repeat(10_000))).toThrow(OUT_OF_RANGE_MESSAGE);
    expect(() => dollarsToMicros(`1.${"0".repeat(10_000)}`)).toThrow(TOO_PRECISE_MESSAGE);
    expect(() => dollarsToMicros("x".repeat(10_000))).toThrow(NOT_AN_AMOUNT_MESSAGE);
  });
});

describe("microsToDollars", () => {
  it.each([
    [1_000_000_000, "1000"],
    [99_990_000, "99.99"],
    [1, "0.000001"],
    [0, "0"],
    [500_000, "0.5"],
    [MAX_SPEND_LIMIT_MICROS, "1000000"],
    [Number.MAX_SAFE_INTEGER, "9007199254.740991"],
  ])("writes %i micros as %j", (micros, dollars) => {
    expect(microsToDollars(micros)).toBe(dollars);
  });

  it("never writes an exponent", () => {
    expect(microsToDollars(1)).not.toMatch(/e/i);
    expect(microsToDollars(10 ** 15)).toBe("1000000000");
  });

  it("refuses a fraction of a micro", () => {
    expect(() => microsToDollars(0.5)).toThrow(RangeError);
  });
});

describe("round trips", () => {
  it("every valid amount in micros survives microsToDollars then dollarsToMicros", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SPEND_LIMIT_MICROS }), (micros) => {
        expect(dollarsToMicros(microsToDollars(micros))).toBe(micros);
      }),
      { numRuns: 2_000 },
    );
  });

  it("every plain decimal with up to six places reads back to the same digits", () => {
    const amount = fc
      .tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 999_999 }))
      .map(([whole, fraction]) => `${whole}.${String(fraction).padStart(6, "0")}`);
    fc.assert(
      fc.property(amount, (text) => {
        const micros = dollarsToMicros(text);
        expect(Number(microsToDollars(micros))).toBe(Number(text));
        expect(microsToDollars(micros)).toBe(text.replace(/\.?0+$/, ""));
      }),
    );
  });
});

describe("formatting", () => {
  it.each([
    [7_000_000_000n, "$7,000.00"],
    [0n, "$0.00"],
    [100_000n, "$0.10"],
    [1n, "$0.000001"],
    [175_000_000n, "$175.00"],
    [1_234_567_890n, "$1,234.56789"],
  ])("formats %i micros as %s", (micros, text) => {
    expect(formatMicrosAsUSD(micros)).toBe(text);
  });

  it("computes a group-wide maximum that no member count overflows", () => {
    const maximum = groupWideMaximumMicros(MAX_SPEND_LIMIT_MICROS, 10_000_000);
    expect(maximum).toBe(10n ** 19n);
    expect(formatMicrosAsUSD(maximum)).toBe("$10,000,000,000,000.00");
  });
});

describe("the group-wide maximum, against BigInt arithmetic", () => {
  it("is exact where a float product would round: $999,999.999999 × 10,001 members", () => {
    const maximum = groupWideMaximumMicros(999_999_999_999, 10_001);
    expect(maximum).toBe(10_000_999_999_989_999n);
    expect(formatMicrosAsUSD(maximum)).toBe("$10,000,999,999.989999");
  });

  it("equals the BigInt product for every budget and member count, the largest included", () => {
    const budget = fc.oneof(
      fc.integer({ min: 0, max: MAX_SPEND_LIMIT_MICROS }),
      fc.integer({ min: MAX_SPEND_LIMIT_MICROS - 1_000, max: MAX_SPEND_LIMIT_MICROS }),
    );
    const members = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 10_000_000 }));
    fc.assert(
      fc.property(budget, members, (micros, count) => {
        expect(groupWideMaximumMicros(micros, count)).toBe(BigInt(micros) * BigInt(count));
      }),
      {
        numRuns: 2_000,
        examples: [
          [MAX_SPEND_LIMIT_MICROS, 10_000_000],
          [999_999_999_999, 9_999_999],
          [1, 1],
          [0, 10_000_000],
        ],
      },
    );
  });

  it("formats every such maximum digit for digit as the BigInt product", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_SPEND_LIMIT_MICROS }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (micros, count) => {
          const exact = BigInt(micros) * BigInt(count);
          const whole = (exact / 1_000_000n).toLocaleString("en-US");
          const fraction = (exact % 1_000_000n)
            .toString()
            .padStart(6, "0")
            .replace(/0{1,4}$/, "");
          expect(formatMicrosAsUSD(groupWideMaximumMicros(micros, count))).toBe(`$${whole}.${fraction}`);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe("spend against a limit", () => {
  const limit = 1_000_000_000n; // $1,000
  it.each([
    [0n, "normal", 0],
    [849_999_999n, "normal", 84],
    [850_000_000n, "warning", 85],
    [999_999_999n, "warning", 99],
    [1_000_000_000n, "exceeded", 100],
    [1_000_000_001n, "exceeded", 100],
    [1_050_000_000n, "exceeded", 105],
  ] as const)("at %i micros of a 1,000 dollar limit is %s (%i %%)", (spent, status, percent) => {
    expect(spendStatus(spent, limit)).toBe(status);
    expect(percentSpent(spent, limit)).toBe(percent);
  });

  it("switches to warning at exactly 85 % and to exceeded at exactly 100 %, for every limit", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 19n }), (max) => {
        // The smallest spend that is 85 % of the limit, and the one below it.
        const warnFrom = (max * 85n + 99n) / 100n;
        expect(spendStatus(warnFrom, max)).toBe(warnFrom >= max ? "exceeded" : "warning");
        if (warnFrom > 0n) expect(spendStatus(warnFrom - 1n, max)).toBe("normal");
        expect(spendStatus(max, max)).toBe("exceeded");
        if (max - 1n >= warnFrom) expect(spendStatus(max - 1n, max)).toBe("warning");
      }),
      { numRuns: 1_000 },
    );
  });

  it("counts any spend against a $0 budget as over, and no spend as fine", () => {
    expect(spendStatus(1, 0)).toBe("exceeded");
    expect(spendStatus(0, 0)).toBe("normal");
    expect(percentSpent(1, 0)).toBe(100);
    expect(percentSpent(0, 0)).toBe(0);
  });

  it("never limits spend without a budget", () => {
    expect(spendStatus(10n ** 18n, null)).toBe("unlimited");
  });

  it("compares beyond 2^53 micros exactly", () => {
    const max = 2n ** 60n;
    expect(spendStatus(max - 1n, max)).toBe("warning");
    expect(spendStatus(max, max)).toBe("exceeded");
    expect(percentSpent(max - 1n, max)).toBe(99);
  });
});

describe("amounts outside a budget", () => {
  it("writes negative amounts (refunds, corrections) with their sign", () => {
    expect(microsToDollars(-1_500_000)).toBe("-1.5");
    expect(microsToDollars(-1n)).toBe("-0.000001");
    expect(formatMicrosAsUSD(-2_500_000)).toBe("-$2.50");
  });

  it("writes BigInt amounts past 2^53 exactly, and refuses an unsafe float with the number in the message", () => {
    expect(microsToDollars(2n ** 60n)).toBe("1152921504606.846976");
    expect(() => microsToDollars(2 ** 60)).toThrow("Not a whole number of micros: 1152921504606847000");
  });

  it("says which input is wrong, and which kind of error it is", () => {
    expect(amountInputError("25")).toBeUndefined();
    expect(amountInputError("")).toBe("Enter an amount.");
    expect(amountInputError("abc")).toBe(NOT_AN_AMOUNT_MESSAGE);
    const error = (() => {
      try {
        dollarsToMicros("-5");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidAmountError);
    expect(error).toMatchObject({ name: "InvalidAmountError", message: OUT_OF_RANGE_MESSAGE });
  });
});

describe("scaleMicrosToCents", () => {
  it("scales in integers and rounds half up to a whole cent", () => {
    expect(scaleMicrosToCents(600_000_000, 30, 15)).toBe(1_200_000_000n);
    expect(scaleMicrosToCents(5_000, 1, 1)).toBe(10_000n); // half a cent up
    expect(scaleMicrosToCents(4_999, 1, 1)).toBe(0n);
    expect(scaleMicrosToCents(9_007_199_254_740_993n, 2, 1)).toBe(18_014_398_509_480_000n);
    expect(() => scaleMicrosToCents(1, 1, 0)).toThrow(RangeError);
  });
});

describe("splitMicros", () => {
  it("splits in proportion, the parts summing to exactly the amount", () => {
    expect(splitMicros(870_000_000, [6, 3, 1])).toEqual([522_000_000, 261_000_000, 87_000_000]);
    expect(splitMicros(10, [1, 1, 1])).toEqual([3, 3, 4]);
    expect(splitMicros(24_990_000, [6, 3, 1]).reduce((a, b) => a + b)).toBe(24_990_000);
    expect(() => splitMicros(1, [0])).toThrow(RangeError);
  });
});

describe("sumMicros", () => {
  it("adds exactly past 2^53 micros, where number addition loses the last micros", () => {
    const amounts = [Number.MAX_SAFE_INTEGER, 1, 1];
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(Number.MAX_SAFE_INTEGER + 1); // one micro lost
    expect(sumMicros(amounts)).toBe(BigInt(Number.MAX_SAFE_INTEGER) + 2n);
    expect(sumMicros([])).toBe(0n);
  });
});

describe("unitsForMicros", () => {
  it("counts whole units an amount buys, in integers", () => {
    expect(unitsForMicros(1_500_000, 150_000)).toBe(225_000);
    expect(unitsForMicros(1, 150_000)).toBe(0);
    expect(unitsForMicros(999_999, 1)).toBe(0);
    // In floating point 0.29 × 100 is 28.999…, which rounds down to 28.
    expect(unitsForMicros(290_000, 100)).toBe(29);
  });
});
