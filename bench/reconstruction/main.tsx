// The flow of the change this product started from, on the same API client,
// query options and view: each page fetches what it needs after it mounts
// (the signed-in user, then the entitlements, then the group, then its
// budget), route code loads when a route renders, and a save sends the PATCH,
// then the PUT, then navigates and refetches. Only the bench uses it.
import { QueryClientProvider, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, StrictMode, Suspense, type FC } from "react";
import { createRoot } from "react-dom/client";
import {
  createBrowserRouter,
  Link,
  Navigate,
  Outlet,
  RouterProvider,
  useLocation,
  useNavigate,
  useOutletContext,
  useParams,
} from "react-router";
import { Toaster, toast } from "sonner";
import { API } from "../../src/api/api";
import { isUnauthorized } from "../../src/api/errors";
import { checkAuthorization, groupPermissionChecks } from "../../src/api/queries/authCheck";
import { entitlements } from "../../src/api/queries/entitlements";
import { groupAIBudget, groups } from "../../src/api/queries/groups";
import { me } from "../../src/api/queries/users";
import type { Group } from "../../core/types";
import { createQueryClient } from "../../src/app/queryClient";
import { Spinner } from "../../src/components/Spinner";
import {
  budgetFromInput,
  type GroupSettingsFormValues,
} from "../../src/pages/GroupsPage/GroupSettings/groupSettingsForm";
import "../../src/index.css";

const queryClient = createQueryClient();

/** The group under its name, as the original change cached it. */
const groupByName = (organization: string, groupName: string) => ({
  queryKey: ["reconstruction", organization, "groups", groupName] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => API.getGroup(organization, groupName, signal),
});

const RequireAuth: FC = () => {
  const location = useLocation();
  const user = useQuery({ ...me(), retry: false });
  const features = useQuery({ ...entitlements(), enabled: Boolean(user.data) });
  if (user.error && isUnauthorized(user.error))
    return <Navigate to={`/login?redirect=${encodeURIComponent(location.pathname)}`} />;
  if (!user.data || !features.data) return <Spinner label="Loading" />;
  return (
    <Suspense fallback={<Spinner label="Loading" />}>
      <Outlet />
    </Suspense>
  );
};

const GroupsList: FC = () => {
  const { organization = "" } = useParams();
  const { data } = useQuery(groups(organization));
  if (!data) return <Spinner label="Loading groups" />;
  return (
    <main className="page">
      <h1>Groups</h1>
      <table className="table">
        <tbody>
          {data.map((g) => (
            <tr key={g.id}>
              <td>
                <Link to={`/organizations/${organization}/groups/${g.name}`}>{g.display_name || g.name}</Link>
              </td>
              <td>
                <Link
                  to={`/organizations/${organization}/groups/${g.name}/settings`}
                  aria-label={`Settings of ${g.display_name || g.name}`}
                >
                  Settings
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
};

const GroupLayout: FC = () => {
  const { organization = "", groupName = "" } = useParams();
  const { data } = useQuery(groupByName(organization, groupName));
  if (!data) return <Spinner label="Loading group" />;
  return (
    <main className="page">
      <h1>{data.display_name || data.name}</h1>
      <nav className="tabs">
        <Link className="tab" to={`/organizations/${organization}/groups/${data.name}`}>
          Members
        </Link>
        <Link className="tab" to={`/organizations/${organization}/groups/${data.name}/settings`}>
          Settings
        </Link>
      </nav>
      <Suspense fallback={<Spinner label="Loading" />}>
        <Outlet context={data} />
      </Suspense>
    </main>
  );
};

const Members: FC = () => {
  const data = useOutletContext<Group>();
  return <p>{data.total_member_count} members</p>;
};

const Settings: FC = () => {
  const { organization = "" } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const data = useOutletContext<Group>();
  const aiVisible = Boolean(useQuery(entitlements()).data?.features.aibridge?.enabled);
  const budget = useQuery({ ...groupAIBudget(data.id), enabled: aiVisible });
  const permissions = useQuery(checkAuthorization(groupPermissionChecks(data.id)));
  const patch = useMutation({
    mutationFn: (request: Parameters<typeof API.patchGroup>[1]) => API.patchGroup(data.id, request),
  });
  const saveBudget = useMutation({
    mutationFn: async (micros: number | null) => {
      if (micros === null) await API.deleteGroupAIBudget(data.id);
      else await API.upsertGroupAIBudget(data.id, { spend_limit_micros: micros });
    },
  });
  if ((aiVisible && budget.data === undefined) || !permissions.data) return <Spinner label="Loading group settings" />;
  const current = budget.data?.spend_limit_micros ?? null;
  const onSubmit = async ({ monthly_budget_per_member, quota_allowance, ...fields }: GroupSettingsFormValues) => {
    try {
      await patch.mutateAsync({ ...fields, quota_allowance: Number(quota_allowance), add_users: [], remove_users: [] });
      const next = budgetFromInput(monthly_budget_per_member);
      if (aiVisible && next !== current) await saveBudget.mutateAsync(next);
      await client.invalidateQueries({ queryKey: groupByName(organization, fields.name).queryKey });
      await client.invalidateQueries({ queryKey: groupAIBudget(data.id).queryKey });
      await navigate(`/organizations/${organization}/groups/${fields.name}`);
    } catch {
      toast.error(`Failed to update group "${data.name}".`);
    }
  };
  return (
    <View
      group={data}
      initialBudgetMicros={current}
      showAISettings={aiVisible}
      readOnly={!permissions.data.canUpdateGroup}
      isUpdating={patch.isPending || saveBudget.isPending}
      onSubmit={async (values) => {
        await onSubmit(values);
        return undefined;
      }}
      onCancel={() => void navigate("..")}
    />
  );
};

const View = lazy(() =>
  import("../../src/pages/GroupsPage/GroupSettings/GroupSettingsPageView").then((m) => ({
    default: m.GroupSettingsPageView,
  })),
);
const LazyList = lazy(async () => ({ default: GroupsList }));
const LazyLayout = lazy(async () => ({ default: GroupLayout }));
const LazySettings = lazy(async () => ({ default: Settings }));
const LoginPage = lazy(() => import("../../src/pages/LoginPage/LoginPage"));

const router = createBrowserRouter([
  {
    path: "/login",
    element: (
      <Suspense>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    element: <RequireAuth />,
    children: [
      { path: "/organizations/:organization/groups", element: <LazyList /> },
      {
        path: "/organizations/:organization/groups/:groupName",
        element: <LazyLayout />,
        children: [
          { index: true, element: <Members /> },
          { path: "settings", element: <LazySettings /> },
        ],
      },
    ],
  },
]);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <Toaster />
    </QueryClientProvider>
  </StrictMode>,
);
