// Turning database values into wire values, the same way in every table module.

export const iso = (value: Date | string) => new Date(value).toISOString();
export const day = (date: Date) => date.toISOString().slice(0, 10);
export const ms = (value: Date | string) => new Date(value).getTime();

/** A limit column (bigint arrives as text from pg): at most 1e12 micros, so exact as a number. */
export const limitMicros = (value: string | number) => Number(value);

export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "23505";
export const isForeignKeyViolation = (error: unknown) => (error as { code?: string } | null)?.code === "23503";

/** PostgreSQL's class 53, "insufficient resources": a full disk (53100), no memory, no connections. Nothing was stored. */
export const isOutOfResources = (error: unknown) =>
  /^53/.test(String((error as { code?: unknown } | null)?.code ?? ""));
export const isDiskFull = (error: unknown) => (error as { code?: string } | null)?.code === "53100";
