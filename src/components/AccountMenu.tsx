import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FC } from "react";
import { Link } from "react-router";
import { userAISpend } from "../api/queries/aiSpend";
import { useAIFeatureVisible } from "../hooks/useFeatureVisibility";
import { formatMicrosAsUSD } from "../../core/currency";

import { MY_AI_SPEND_URL } from "../app/urls";

/** "$46.00 / $50.00 USD" or "$25,492.00 / Unlimited USD", as Coder's avatar menu says it. */
export const accountSpendText = (spentMicros: number, limitMicros: number | null): string =>
  `${formatMicrosAsUSD(spentMicros)} / ${limitMicros === null ? "Unlimited" : formatMicrosAsUSD(limitMicros)} USD`;

/** The spend line of the open account menu; nothing when AI is off. */
const AccountSpendLine: FC = () => {
  const ai = useAIFeatureVisible();
  const { data, error } = useQuery({ ...userAISpend("me"), enabled: ai.visible === true });
  if (!ai.visible) return null;
  if (error) return <span>Could not load your AI spend.</span>;
  if (!data) return <span>Loading your AI spend…</span>;
  const limit = data.effective_budget?.spend_limit_micros ?? null;
  const text = accountSpendText(data.current_spend_micros, limit);
  return (
    <Link to={MY_AI_SPEND_URL} aria-label={`My AI spend: ${text}`} className="tabular-nums">
      {text}
    </Link>
  );
};

/**
 * The account menu: the username, opening onto the user's AI spend this
 * period, as Coder's avatar menu does. The spend is asked for when the menu
 * opens, so no page load waits on it.
 */
export const AccountMenu: FC<{ username: string }> = ({ username }) => {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the menu closes it; the button is the control.
    <div className="relative" onKeyDown={(event) => event.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        className="cursor-pointer border-0 bg-transparent p-1 text-content-primary after:content-['_▾']"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
      >
        {username}
      </button>
      {open && (
        // biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a followed link closes the menu; the links are the controls.
        <div
          id={menuId}
          className="absolute top-full right-0 z-20 min-w-[14rem] rounded-[8px] border border-border-default bg-surface-secondary p-3 text-content-primary"
          onClick={(event) => (event.target as HTMLElement).closest("a") && setOpen(false)}
        >
          <AccountSpendLine />
        </div>
      )}
    </div>
  );
};
