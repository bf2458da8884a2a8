import type { QueryClient } from "@tanstack/react-query";
import { checkAuthorization } from "../api/queries/authCheck";
import { MY_AI_SPEND_PATH } from "../components/AccountSpend";

/** Reading other users is what admins of groups (any organization's, or the deployment's) may do. */
const adminCheck = {
  checks: { readsUsers: { object: { resource_type: "user" as const }, action: "read" as const } },
};

/**
 * Where `/` goes: admins to the organization's groups; members without admin
 * rights to their own AI spend, the one page that is theirs. If the check
 * fails, the groups page (which explains its own errors).
 */
export async function landingPath(queryClient: QueryClient, groupsPath: string): Promise<string> {
  try {
    const answer = await queryClient.ensureQueryData(checkAuthorization(adminCheck));
    return answer.readsUsers ? groupsPath : MY_AI_SPEND_PATH;
  } catch {
    return groupsPath;
  }
}
