/** Joins class names, skipping the empty and the false: `cx("a", busy && "b")`. */
export const cx = (...names: (string | false | null | undefined)[]): string => names.filter(Boolean).join(" ");
