import { useQuery } from "@tanstack/react-query";
import type { FC } from "react";
import { Link } from "react-router";
import { userAISpend } from "../api/queries/aiSpend";
import { useAIFeatureVisible } from "../hooks/useFeatureVisibility";
import { formatMicrosAsUSD, spendStatus } from "../utils/currency";

export const MY_AI_SPEND_PATH = "/ai-spend";

/** "$46.00 / $50.00 USD" or "$25,492.00 / Unlimited USD", as Coder's avatar menu says it. */
export const accountSpendText = (spentMicros: number, limitMicros: number | null): string =>
  `${formatMicrosAsUSD(spentMicros)} / ${limitMicros === null ? "Unlimited" : formatMicrosAsUSD(limitMicros)} USD`;

/** The signed-in user's spend this period in the account menu, linking to My AI spend; nothing when AI is off. */
export const AccountSpend: FC = () => {
  const ai = useAIFeatureVisible();
  const { data } = useQuery({ ...userAISpend("me"), enabled: ai.visible === true });
  if (!ai.visible || !data) return null;
  const limit = data.effective_budget?.spend_limit_micros ?? null;
  const text = accountSpendText(data.current_spend_micros, limit);
  return (
    <Link
      to={MY_AI_SPEND_PATH}
      aria-label={`My AI spend: ${text}`}
      className={`account-spend spend-${spendStatus(data.current_spend_micros, limit)}`}
    >
      {text}
    </Link>
  );
};
