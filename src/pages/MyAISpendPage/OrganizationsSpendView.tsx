// My AI spend in each organization (Coder v2.40's request organizations): a
// request is charged in the organization it is assigned to, whose groups
// decide the budget. Read from the server; nothing is derived here.
import type { FC } from "react";
import type { UserOrganizationsAISpend } from "../../../core/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Skeleton } from "../../components/ui/Skeleton";
import { SpendMeter } from "../../components/ui/SpendMeter";
import { noteClassName, subtextClassName } from "../../components/ui/Page";

export interface OrganizationsSpendViewProps {
  spend: UserOrganizationsAISpend | undefined;
  error: unknown;
  onRetry: () => void;
}

export const OrganizationsSpendView: FC<OrganizationsSpendViewProps> = ({ spend, error, onRetry }) => {
  if (error)
    return <ErrorAlert title="Could not load your AI spend by organization." error={error} onRetry={onRetry} />;
  if (!spend) return <Skeleton width="16rem" height="1rem" />;
  return (
    <section aria-labelledby="organizations-spend-title" className="mt-6">
      <h2 id="organizations-spend-title">By organization</h2>
      <p className={noteClassName}>
        Each AI request is charged in one organization (its workspace's, or else the one of your budget above), whose
        groups decide the limit.
      </p>
      <ul className="flex flex-col gap-4">
        {spend.organizations.map((organization) => {
          const name = organization.organization_display_name || organization.organization_name;
          const limit = organization.effective_budget;
          return (
            <li key={organization.organization_id}>
              <strong>{name}</strong>
              {organization.organization_id === spend.organization_id && (
                <span className={subtextClassName}>Where requests outside a workspace are charged</span>
              )}
              <SpendMeter
                spentMicros={organization.current_spend_micros}
                limitMicros={limit?.spend_limit_micros ?? null}
                label={`My AI spend in ${name} this month`}
              />
              <span className={subtextClassName}>
                {limit === null
                  ? "No budget applies here."
                  : limit.limit_source === "user_override"
                    ? "Custom limit."
                    : "The highest budget of your groups here."}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
};
