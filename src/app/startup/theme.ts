// The colour theme: dark (Coder's default), light, or the system's. It is
// applied before anything renders, so a reload never flashes the other theme.
export type ThemeChoice = "system" | "dark" | "light";

const KEY = "theme";

export function storedTheme(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === "dark" || value === "light" ? value : "system";
  } catch {
    return "system";
  }
}

/** Sets `<html data-theme>`; "system" removes it so the stylesheet follows prefers-color-scheme. */
export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === "system") delete root.dataset.theme;
  else root.dataset.theme = choice;
}

export function chooseTheme(choice: ThemeChoice): void {
  try {
    if (choice === "system") window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, choice);
  } catch {
    // Storage may be off: the choice still holds for this page.
  }
  applyTheme(choice);
}
