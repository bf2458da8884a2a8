import { useQuery } from "@tanstack/react-query";
import { SearchX, UsersRound } from "lucide-react";
import { type FC, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { groupsAISpend } from "../../../api/queries/aiSpend";
import { checkAuthorization } from "../../../api/queries/authCheck";
import { groups } from "../../../api/queries/groups";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { EmptyState } from "../../../components/ui/EmptyState";
import { TextField } from "../../../components/ui/TextField";
import { isNotFound } from "../../../api/errors";
import { NotFoundView } from "../../NotFoundPage/NotFoundView";
import { useAIFeatureVisible } from "../../../hooks/useFeatureVisibility";
import { CreateGroupDialog } from "../CreateGroup/CreateGroupDialog";
import { everyoneFirst, matchingGroups, pageOfGroups } from "./groupsListing";
import { GroupsPagination } from "./GroupsPagination";
import { GroupsTable } from "./GroupsTable";
import { Page, PageHeader, PageSubtitle } from "../../../components/ui/Page";

/**
 * The organization's groups, Everyone first, searched by name and paged in
 * the browser (Coder's groups endpoint does not page); spend is asked only
 * for the groups on the page. The search and the page are in the URL.
 */
const GroupsListPage: FC = () => {
  const { organization = "" } = useParams();
  const [params, setParams] = useSearchParams();
  // What the admin types is held here and filters at once; the URL follows it. Reading the input
  // back from the URL would drop keystrokes typed while the router navigates.
  const [search, setSearchText] = useState(() => params.get("q") ?? "");
  const groupsQuery = useQuery(groups(organization));
  const ai = useAIFeatureVisible();
  const matching = groupsQuery.data && matchingGroups(everyoneFirst(groupsQuery.data), search);
  const shown = matching && pageOfGroups(matching, Number(params.get("page") ?? "1"));
  const shownIds = shown?.rows.map((g) => g.id) ?? [];
  const spendQuery = useQuery({
    ...groupsAISpend(organization, shownIds),
    enabled: Boolean(ai.visible && shownIds.length),
  });
  // Everyone's id is the organization's: the list always has it. Creating
  // needs the right to update the organization's groups; counting members over
  // their limit needs every member's row, for Coder's read set (admins, auditors).
  const organizationId = groupsQuery.data?.[0]?.organization_id ?? "";
  const admin = useQuery({
    ...checkAuthorization({
      checks: {
        updateGroups: { object: { resource_type: "group", organization_id: organizationId }, action: "update" },
        readGroups: { object: { resource_type: "group", organization_id: organizationId }, action: "read" },
      },
    }),
    enabled: Boolean(organizationId),
  });
  const setSearch = (q: string) => {
    setSearchText(q);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (q) next.set("q", q);
        else next.delete("q");
        next.delete("page");
        return next;
      },
      { replace: true },
    );
  };
  const setPage = (page: number) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (page > 1) next.set("page", String(page));
      else next.delete("page");
      return next;
    });

  if (groupsQuery.error && isNotFound(groupsQuery.error)) {
    return (
      <NotFoundView
        title="Organization not found"
        description={`There is no organization named “${organization}”, or you are not a member of it.`}
        backTo="/"
        backLabel="Back to the start"
      />
    );
  }
  return (
    <Page>
      <PageHeader>
        <div>
          <h1>Groups</h1>
          <PageSubtitle>Each group's members, and the AI spend charged to it this month.</PageSubtitle>
        </div>
        {admin.data?.updateGroups && <CreateGroupDialog key={organization} organization={organization} />}
      </PageHeader>
      {groupsQuery.error ? (
        <ErrorAlert
          title="Could not load the groups."
          error={groupsQuery.error}
          onRetry={() => void groupsQuery.refetch()}
        />
      ) : groupsQuery.data?.length === 0 ? (
        <EmptyState icon={<UsersRound size={32} />} title="This organization has no groups yet." />
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-end justify-between gap-2">
            <div className="w-full max-w-sm">
              <TextField
                type="search"
                label="Search groups"
                placeholder="Name or display name"
                value={search}
                onChange={(event) => setSearch(event.target.value)}
              />
            </div>
            {shown && shown.total > 0 && (
              <p className="m-0 text-sm text-content-secondary" aria-live="polite">
                {shown.pageCount > 1
                  ? `Showing ${shown.first}–${shown.last} of ${shown.total} groups`
                  : `${shown.total} ${shown.total === 1 ? "group" : "groups"}`}
              </p>
            )}
          </div>
          {shown && shown.total === 0 ? (
            <EmptyState
              icon={<SearchX size={32} />}
              title={`No groups match “${search.trim()}”.`}
              description={<p>Search looks in each group's name and display name.</p>}
            />
          ) : (
            <GroupsTable
              organization={organization}
              groups={shown?.rows}
              ai={Boolean(ai.visible)}
              spend={spendQuery.data}
              spendLoading={spendQuery.isLoading}
              showOverBudget={Boolean(ai.visible && admin.data?.readGroups)}
            />
          )}
          {shown && <GroupsPagination page={shown.page} pageCount={shown.pageCount} onPage={setPage} />}
        </>
      )}
    </Page>
  );
};

export default GroupsListPage;
