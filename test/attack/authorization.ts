// Authorization across roles and two organizations: every route, as each role that may not.
import { ORGANIZATION_ID, SECOND_ORGANIZATION_ID, SEED_USERS } from "../../server/seedData";
import {
  call,
  dataScience,
  differences,
  row,
  snapshot,
  developers,
  gpuLab,
  userId,
  isRefusal,
  type AttackRow,
  type Client,
} from "./common";

interface Forbidden {
  as: string | null;
  method: string;
  path: string;
  body?: unknown;
  /** For answers that may be 200 with nothing in them: whether the answer gave nothing away. */
  gaveNothing?: (json: unknown) => boolean;
}

const budgetBody = { spend_limit_micros: 1 };
const overrideBody = { group_id: developers.id, spend_limit_micros: 1 };

function forbiddenAttempts(): Forbidden[] {
  const everyRoute = (as: string | null): Forbidden[] => [
    { as, method: "GET", path: "/users/me" },
    { as, method: "GET", path: "/entitlements" },
    { as, method: "POST", path: "/authcheck", body: { checks: {} } },
    { as, method: "GET", path: "/organizations/coder/groups" },
    { as, method: "GET", path: "/organizations/coder/groups/developers" },
    { as, method: "GET", path: `/groups/${developers.id}` },
    { as, method: "PATCH", path: `/groups/${developers.id}`, body: { display_name: "Owned" } },
    { as, method: "GET", path: `/groups/${developers.id}/ai/budget` },
    { as, method: "PUT", path: `/groups/${developers.id}/ai/budget`, body: budgetBody },
    { as, method: "DELETE", path: `/groups/${developers.id}/ai/budget` },
    { as, method: "GET", path: `/groups/${developers.id}/members/ai/spend?user_ids=${userId("bob")}` },
    { as, method: "GET", path: `/organizations/coder/groups/ai/spend?group_ids=${developers.id}` },
    { as, method: "GET", path: "/users/bob/ai/budget/override" },
    { as, method: "PUT", path: "/users/bob/ai/budget/override", body: overrideBody },
    { as, method: "DELETE", path: "/users/bob/ai/budget/override" },
    { as, method: "GET", path: "/users/bob/ai/spend" },
    { as, method: "GET", path: "/audit" },
  ];
  const plainMember = (as: string): Forbidden[] => [
    { as, method: "PATCH", path: `/groups/${developers.id}`, body: { name: "owned" } },
    { as, method: "PATCH", path: `/groups/${developers.id}`, body: { add_users: [userId("grace")] } },
    { as, method: "PUT", path: `/groups/${developers.id}/ai/budget`, body: budgetBody },
    { as, method: "DELETE", path: `/groups/${developers.id}/ai/budget` },
    { as, method: "GET", path: `/groups/${dataScience.id}` },
    { as, method: "GET", path: `/groups/${dataScience.id}/ai/budget` },
    { as, method: "GET", path: `/groups/${gpuLab.id}` },
    { as, method: "PUT", path: "/users/bob/ai/budget/override", body: overrideBody },
    { as, method: "DELETE", path: "/users/carol/ai/budget/override" },
    { as, method: "GET", path: "/users/grace/ai/budget/override" },
    { as, method: "GET", path: "/users/grace/ai/spend" },
    { as, method: "GET", path: "/audit" },
    {
      as,
      method: "GET",
      path: `/groups/${ORGANIZATION_ID}/members/ai/spend?user_ids=${SEED_USERS.map((u) => u.id).join(",")}`,
      gaveNothing: (json) =>
        (json as { members: { user_id: string }[] }).members.every((m) => m.user_id === userId(as)),
    },
    {
      as,
      method: "GET",
      path: `/groups/${developers.id}/members/ai/spend?user_ids=${developers.members.map(userId).join(",")}`,
      gaveNothing: (json) =>
        (json as { members: { user_id: string }[] }).members.every((m) => m.user_id === userId(as)),
    },
    {
      as,
      method: "POST",
      path: "/authcheck",
      body: { checks: { a: { object: { resource_type: "group", resource_id: developers.id }, action: "update" } } },
      gaveNothing: (json) => (json as { a: boolean }).a === false,
    },
  ];
  const otherOrganizationAdmin: Forbidden[] = [
    { as: "researchadmin", method: "GET", path: `/groups/${developers.id}` },
    { as: "researchadmin", method: "PATCH", path: `/groups/${developers.id}`, body: { display_name: "Owned" } },
    { as: "researchadmin", method: "GET", path: `/groups/${developers.id}/ai/budget` },
    { as: "researchadmin", method: "PUT", path: `/groups/${developers.id}/ai/budget`, body: budgetBody },
    { as: "researchadmin", method: "DELETE", path: `/groups/${developers.id}/ai/budget` },
    {
      as: "researchadmin",
      method: "GET",
      path: `/groups/${ORGANIZATION_ID}/members/ai/spend?user_ids=${userId("bob")}`,
    },
    { as: "researchadmin", method: "GET", path: "/users/bob/ai/spend" },
    { as: "researchadmin", method: "GET", path: "/users/bob/ai/budget/override" },
    {
      as: "researchadmin",
      method: "PUT",
      path: "/users/frank/ai/budget/override",
      body: { group_id: gpuLab.id, spend_limit_micros: 1 },
    },
    { as: "researchadmin", method: "PATCH", path: `/groups/${gpuLab.id}`, body: { add_users: [userId("bob")] } },
    {
      as: "researchadmin",
      method: "GET",
      path: "/organizations/coder/groups",
      gaveNothing: (json) => Array.isArray(json) && json.length === 0,
    },
    {
      as: "researchadmin",
      method: "GET",
      path: `/organizations/coder/groups/ai/spend?group_ids=${developers.id},${ORGANIZATION_ID}`,
      gaveNothing: (json) => (json as { groups: unknown[] }).groups.length === 0,
    },
    {
      as: "researchadmin",
      method: "GET",
      path: "/audit",
      gaveNothing: (json) =>
        (json as { audit_logs: { organization_id: string }[] }).audit_logs.every(
          (r) => r.organization_id === SECOND_ORGANIZATION_ID,
        ),
    },
    { as: "orgadmin", method: "GET", path: `/groups/${gpuLab.id}` },
    { as: "orgadmin", method: "PUT", path: `/groups/${gpuLab.id}/ai/budget`, body: budgetBody },
    {
      as: "orgadmin",
      method: "PATCH",
      path: `/groups/${developers.id}`,
      body: { add_users: [userId("researchadmin")] },
    },
    { as: "orgadmin", method: "PUT", path: "/users/bob/ai/budget/override", body: overrideBody },
    { as: "orgadmin", method: "GET", path: "/users/researchadmin/ai/spend" },
    {
      as: "orgadmin",
      method: "GET",
      path: "/audit",
      gaveNothing: (json) =>
        (json as { audit_logs: { organization_id: string }[] }).audit_logs.every(
          (r) => r.organization_id === ORGANIZATION_ID,
        ),
    },
    { as: "useradmin", method: "GET", path: "/audit" },
  ];
  return [...everyRoute(null), ...plainMember("member"), ...plainMember("bob"), ...otherOrganizationAdmin];
}

export async function authorizationAttack(client: Client): Promise<AttackRow> {
  const result = row("authorization: 7 roles, 2 organizations, every route");
  // Rows of both organizations in the audit log, so that reading one is visible.
  await call(
    client,
    "admin",
    "PUT",
    `/groups/${gpuLab.id}/ai/budget`,
    JSON.stringify({ spend_limit_micros: 2_500_000_000 }),
  );
  await call(
    client,
    "admin",
    "PUT",
    `/groups/${developers.id}/ai/budget`,
    JSON.stringify({ spend_limit_micros: 1_000_000_000 }),
  );
  const before = await snapshot(client);
  for (const attempt of forbiddenAttempts()) {
    const { status, json } = await call(
      client,
      attempt.as,
      attempt.method,
      attempt.path,
      attempt.body === undefined ? undefined : JSON.stringify(attempt.body),
    );
    result.attempts += 1;
    if (status >= 500) result.serverErrors += 1;
    const refused = isRefusal(status) || (status === 200 && attempt.gaveNothing?.(json) === true);
    if (refused) result.refusals += 1;
    else {
      result.wronglyAccepted += 1;
      result.note += `${attempt.as ?? "anonymous"} ${attempt.method} ${attempt.path} → ${status}; `;
    }
  }
  result.dataLost = differences(before, await snapshot(client));
  return result;
}
