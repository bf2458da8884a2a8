import { useState, type FC } from "react";
import { cx } from "./cx";

const SIZES = { medium: "size-9 text-[0.8125rem]", small: "size-6 text-[0.625rem]" } as const;

/** "Alice Smith" → "AS", "bob" → "B". */
export const initials = (name: string): string => {
  const words = name
    .trim()
    .split(/[\s._-]+/)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((word) => [...word][0]?.toUpperCase() ?? "").join("") || "?";
};

/**
 * A person's (or group's) picture, or their initials when there is none or it
 * cannot load. Decorative: the name next to it is what is read out. Plain
 * React rather than Radix's Avatar: an image with a fallback needs no more,
 * and this is on every list row.
 */
export const Avatar: FC<{ name: string; src?: string; size?: "small" | "medium" }> = ({
  name,
  src,
  size = "medium",
}) => {
  const [failedSrc, setFailedSrc] = useState<string>();
  const showImage = Boolean(src) && failedSrc !== src;
  return (
    <span
      className={cx(
        "inline-flex flex-none items-center justify-center overflow-hidden rounded-full bg-surface-tertiary font-semibold text-content-primary",
        SIZES[size],
      )}
      aria-hidden="true"
    >
      {showImage ? (
        <img className="size-full object-cover" src={src} alt="" onError={() => setFailedSrc(src)} />
      ) : (
        <span className="leading-none">{initials(name)}</span>
      )}
    </span>
  );
};

/** An avatar beside a name (and a line under it) that may wrap but never pushes the row wider. */
export const avatarRowClassName = "flex min-w-0 items-center gap-3 [&>span:last-child]:min-w-0";
