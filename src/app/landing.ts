import type { QueryClient } from "@tanstack/react-query";
import { checkAuthorization } from "../api/queries/authCheck";
import { MY_AI_SPEND_URL } from "./urls";

/** Reading other users is what admins of groups (any organization's, or the deployment's) may do. */
const adminCheck = {
  checks: { readsUsers: { object: { resource_type: "user" as const }, action: "read" as const } },
};

/**
 * Where `/` goes: admins to the organization's groups; members without admin
 * rights to their own AI spend, the one page that is theirs. If the check
 * fails, the groups page (which explains its own errors).
 */
export async function landingUrl(queryClient: QueryClient, groupsUrl: string): Promise<string> {
  try {
    const answer = await queryClient.ensureQueryData(checkAuthorization(adminCheck));
    return answer.readsUsers ? groupsUrl : MY_AI_SPEND_URL;
  } catch {
    return groupsUrl;
  }
}
