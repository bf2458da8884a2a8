import * as AvatarPrimitive from "radix-ui/avatar";
import type { FC } from "react";

/** "Alice Smith" → "AS", "bob" → "B". */
export const initials = (name: string): string => {
  const words = name.trim().split(/[\s._-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((word) => [...word][0]?.toUpperCase() ?? "").join("") || "?";
};

/**
 * A person's (or group's) picture, or their initials until it loads or when
 * it cannot. Decorative: the name next to it is what is read out.
 */
export const Avatar: FC<{ name: string; src?: string; size?: "small" | "medium" }> = ({ name, src, size = "medium" }) => (
  <AvatarPrimitive.Root className={`avatar avatar-${size}`} aria-hidden="true">
    {src && <AvatarPrimitive.Image className="avatar-image" src={src} alt="" />}
    <AvatarPrimitive.Fallback className="avatar-fallback" delayMs={src ? 300 : 0}>
      {initials(name)}
    </AvatarPrimitive.Fallback>
  </AvatarPrimitive.Root>
);
