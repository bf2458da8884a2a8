import { useQuery } from "@tanstack/react-query";
import type { FC } from "react";
import { userAISpend } from "../../api/queries/aiSpend";
import { groupById } from "../../api/queries/groups";
import { me } from "../../api/queries/users";
import { useAIFeatureVisible } from "../../hooks/useFeatureVisibility";
import { useClock } from "../../utils/clock";
import { MyAISpendPageView } from "./MyAISpendPageView";
import { OrganizationsSpendView } from "./OrganizationsSpendView";
import { userOrganizationsAISpend } from "../../api/queries/spendWire";
import { useSpendFeatures } from "../../hooks/useSpendFeatures";
import { MySpendTrend } from "./MySpendTrend";
import { DEFAULT_ORGANIZATION } from "../../app/urls";
import { Page, PageHeader } from "../../components/ui/Page";

/** My AI spend: every signed-in user's own spend, budget, reset and pace. */
const MyAISpendPage: FC = () => {
  const ai = useAIFeatureVisible();
  const clock = useClock();
  const user = useQuery(me());
  const spend = useQuery({ ...userAISpend("me"), enabled: ai.visible === true });
  const groupId = spend.data?.effective_group_id ?? null;
  // The Everyone group's id is its organization's.
  const everyone = groupId !== null && (user.data?.organization_ids.includes(groupId) ?? false);
  const governing = useQuery({ ...groupById(groupId ?? ""), enabled: groupId !== null && !everyone, retry: false });
  // Only where the deployment decides budgets per request organization, and the user is in more than one.
  const features = useSpendFeatures();
  const perOrganization =
    ai.visible === true && features?.requestOrganizations === true && (user.data?.organization_ids.length ?? 0) > 1;
  const organizations = useQuery({ ...userOrganizationsAISpend("me"), enabled: perOrganization });
  return (
    <Page>
      <PageHeader>
        <h1>My AI spend</h1>
      </PageHeader>
      {ai.visible === false ? (
        <p className="text-content-secondary">AI spend is not available on this deployment.</p>
      ) : (
        <MyAISpendPageView
          spend={spend.data}
          governingGroupName={governing.data ? governing.data.display_name || governing.data.name : undefined}
          governedByEveryone={everyone}
          error={spend.error ?? ai.error}
          onRetry={() => void spend.refetch()}
          now={clock()}
        />
      )}
      {perOrganization && (
        <OrganizationsSpendView
          spend={organizations.data}
          error={organizations.error}
          onRetry={() => void organizations.refetch()}
        />
      )}
      {ai.visible && spend.data && user.data && (everyone || governing.data) && (
        <MySpendTrend
          organization={governing.data?.organization_name ?? DEFAULT_ORGANIZATION}
          userId={user.data.id}
          spend={spend.data}
        />
      )}
    </Page>
  );
};

export default MyAISpendPage;
