import { useState, type FC } from "react";

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
    <span className={`avatar avatar-${size}`} aria-hidden="true">
      {showImage ? (
        <img className="avatar-image" src={src} alt="" onError={() => setFailedSrc(src)} />
      ) : (
        <span className="avatar-fallback">{initials(name)}</span>
      )}
    </span>
  );
};
