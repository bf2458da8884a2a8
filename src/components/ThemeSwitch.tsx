import { Monitor, Moon, Sun } from "lucide-react";
import { useId, useState, type FC } from "react";
import { chooseTheme, storedTheme, type ThemeChoice } from "../app/startup/theme";
import { selectClassName } from "./ui/TextField";

const ICONS = { system: Monitor, dark: Moon, light: Sun } as const;

/** Dark, light, or the system's setting; remembered in this browser. */
export const ThemeSwitch: FC = () => {
  const id = useId();
  const [choice, setChoice] = useState<ThemeChoice>(storedTheme);
  const Icon = ICONS[choice];
  return (
    <span className="inline-flex items-center gap-[0.35rem] text-content-secondary">
      <Icon aria-hidden="true" size={16} />
      <label htmlFor={id} className="sr-only">
        Theme
      </label>
      <select
        id={id}
        className={selectClassName}
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
