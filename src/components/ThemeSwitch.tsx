import { Monitor, Moon, Sun } from "lucide-react";
import { useId, useState, type FC } from "react";
import { chooseTheme, storedTheme, type ThemeChoice } from "../app/startup/theme";

const ICONS = { system: Monitor, dark: Moon, light: Sun } as const;

/** Dark, light, or the system's setting; remembered in this browser. */
export const ThemeSwitch: FC = () => {
  const id = useId();
  const [choice, setChoice] = useState<ThemeChoice>(storedTheme);
  const Icon = ICONS[choice];
  return (
    <span className="theme-switch">
      <Icon aria-hidden="true" size={16} />
      <label htmlFor={id} className="visually-hidden">
        Theme
      </label>
      <select
        id={id}
        className="theme-select"
        value={choice}
        onChange={(event) => {
          const next = event.target.value as ThemeChoice;
          setChoice(next);
          chooseTheme(next);
        }}
      >
        <option value="system">System</option>
        <option value="dark">Dark</option>
        <option value="light">Light</option>
      </select>
    </span>
  );
};
