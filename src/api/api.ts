// One client class with a method per endpoint, as Coder's own api.ts: the one
// list of what this app asks of Coder, so it stays whole (over ~200 lines).
// How the requests travel (deadline, early answers) is in transport.ts.
import axios, { type AxiosInstance } from "axios";
import {
  apiPath as path,
  AUTH_METHODS_PATH,
  BUILD_INFO_PATH,
  ENTITLEMENTS_PATH,
  groupApiPath,
  groupMembersApiPath,
  groupsApiPath,
  ME_PATH,
  ORGANIZATIONS_PATH,
  organizationMembersApiPath,
} from "../../core/paths";
import { EXACT_ANSWER } from "./exactAnswers";
import { enforceDeadline, REQUEST_TIMEOUT_MS, takeEarlyAnswers } from "./transport";
import { preconditionHeaders } from "../../core/versions";
import type {
  AuditLogResponse,
  GroupMembersAISpendResponse,
  AISpendUsersReport,
  GroupAISpendResponse,
  GroupMembersResponse,
  PaginatedMembersResponse,
  GroupsAISpendResponse,
  UserOrganizationsAISpend,
  UpsertUserAIBudgetOverrideRequest,
  UserAIBudgetOverride,
  AuthMethods,
  UserAISpend,
  AuthorizationRequest,
  BuildInfoResponse,
  AuthorizationResponse,
  CreateGroupRequest,
  Entitlements,
  Group,
  GroupAIBudget,
  LoginWithPasswordRequest,
  LoginWithPasswordResponse,
  Organization,
  PatchGroupRequest,
  UpsertGroupAIBudgetRequest,
  User,
} from "../../core/types";
import { SESSION_TOKEN_SIGN_IN_PATH } from "../../core/types";

export { REQUEST_TIMEOUT_MS } from "./transport";

/**
 * One method per endpoint of Coder's API that this module uses. The session
 * travels in Coder's cookie (same origin) and the browser sends it on its own.
 */
export class ApiClient {
  readonly axios: AxiosInstance;
  /** How long any request may take before it fails with "did not answer in time". */
  timeoutMs = REQUEST_TIMEOUT_MS;

  constructor(instance: AxiosInstance = axios.create()) {
    this.axios = instance;
    enforceDeadline(this.axios, () => this.timeoutMs);
    takeEarlyAnswers(this.axios);
  }

  login = async (credentials: LoginWithPasswordRequest, signal?: AbortSignal): Promise<LoginWithPasswordResponse> => {
    const response = await this.axios.post<LoginWithPasswordResponse>("/api/v2/users/login", credentials, { signal });
    return response.data;
  };

  /** Which ways of signing in the deployment has on; asked before anyone is signed in. */
  getAuthMethods = async (signal?: AbortSignal): Promise<AuthMethods> => {
    const response = await this.axios.get<AuthMethods>(AUTH_METHODS_PATH, { signal });
    return response.data;
  };

  getBuildInfo = async (signal?: AbortSignal): Promise<BuildInfoResponse> => {
    const response = await this.axios.get<BuildInfoResponse>(BUILD_INFO_PATH, { signal });
    return response.data;
  };

  /** This app's server checks the token with the deployment and keeps it as the session cookie. */
  signInWithSessionToken = async (sessionToken: string): Promise<User> => {
    const response = await this.axios.post<User>(SESSION_TOKEN_SIGN_IN_PATH, { session_token: sessionToken });
    return response.data;
  };

  logout = async (): Promise<void> => {
    await this.axios.post("/api/v2/users/logout");
  };

  getAuthenticatedUser = async (signal?: AbortSignal): Promise<User> => {
    const response = await this.axios.get<User>(ME_PATH, { signal });
    return response.data;
  };

  getEntitlements = async (signal?: AbortSignal): Promise<Entitlements> => {
    const response = await this.axios.get<Entitlements>(ENTITLEMENTS_PATH, {
      signal,
    });
    return response.data;
  };

  checkAuthorization = async (request: AuthorizationRequest, signal?: AbortSignal): Promise<AuthorizationResponse> => {
    const response = await this.axios.post<AuthorizationResponse>("/api/v2/authcheck", request, { signal });
    return response.data;
  };

  getOrganizations = async (signal?: AbortSignal): Promise<Organization[]> => {
    const response = await this.axios.get<Organization[]>(ORGANIZATIONS_PATH, { signal });
    return response.data;
  };

  createGroup = async (organization: string, request: CreateGroupRequest): Promise<Group> => {
    const response = await this.axios.post<Group>(groupsApiPath(organization), request);
    return response.data;
  };

  deleteGroup = async (groupId: string): Promise<void> => {
    await this.axios.delete(path`/api/v2/groups/${groupId}`);
  };

  getGroupsByOrganization = async (organization: string, signal?: AbortSignal): Promise<Group[]> => {
    const response = await this.axios.get<Group[]>(groupsApiPath(organization), { signal });
    return response.data;
  };

  getGroup = async (organization: string, groupName: string, signal?: AbortSignal): Promise<Group> => {
    const response = await this.axios.get<Group>(groupApiPath(organization, groupName), { signal });
    return response.data;
  };

  getGroupById = async (groupId: string, signal?: AbortSignal): Promise<Group> => {
    const response = await this.axios.get<Group>(path`/api/v2/groups/${groupId}`, {
      signal,
    });
    return response.data;
  };

  /** One page of a group's members (Coder's users filter in `q`), and how many match. */
  getGroupMembers = async (
    groupId: string,
    options: { q?: string; limit: number; offset: number },
    signal?: AbortSignal,
  ): Promise<GroupMembersResponse> => {
    const params = { ...(options.q ? { q: options.q } : {}), limit: options.limit, offset: options.offset };
    const response = await this.axios.get<GroupMembersResponse>(groupMembersApiPath(groupId), { params, signal });
    return response.data;
  };

  /** One page of an organization's members (Coder's users filter in `q`), and how many match. */
  getOrganizationPaginatedMembers = async (
    organization: string,
    options: { q?: string; limit: number; offset: number },
    signal?: AbortSignal,
  ): Promise<PaginatedMembersResponse> => {
    const params = { ...(options.q ? { q: options.q } : {}), limit: options.limit, offset: options.offset };
    const response = await this.axios.get<PaginatedMembersResponse>(organizationMembersApiPath(organization), {
      params,
      signal,
    });
    return response.data;
  };

  patchGroup = async (groupId: string, request: PatchGroupRequest): Promise<Group> => {
    const response = await this.axios.patch<Group>(path`/api/v2/groups/${groupId}`, request);
    return response.data;
  };

  /** The budget and its ETag (null from a server that sends none, as Coder does). */
  getGroupAIBudget = async (
    groupId: string,
    signal?: AbortSignal,
  ): Promise<{ budget: GroupAIBudget; etag: string | null }> => {
    const response = await this.axios.get<GroupAIBudget>(path`/api/v2/groups/${groupId}/ai/budget`, { signal });
    return { budget: response.data, etag: etagOf(response.headers) };
  };

  /**
   * Sets the budget. `expectedETag` makes the write conditional: a string is
   * the version the writer saw, null says it saw no budget; undefined writes
   * whatever is there.
   */
  upsertGroupAIBudget = async (
    groupId: string,
    request: UpsertGroupAIBudgetRequest,
    expectedETag?: string | null,
  ): Promise<{ budget: GroupAIBudget; etag: string | null }> => {
    const response = await this.axios.put<GroupAIBudget>(path`/api/v2/groups/${groupId}/ai/budget`, request, {
      headers: expectedETag === undefined ? {} : preconditionHeaders(expectedETag),
    });
    return { budget: response.data, etag: etagOf(response.headers) };
  };

  getGroupMembersAISpend = async (
    groupId: string,
    userIds: string[],
    signal?: AbortSignal,
  ): Promise<GroupMembersAISpendResponse> => {
    const response = await this.axios.get<GroupMembersAISpendResponse>(
      path`/api/v2/groups/${groupId}/members/ai/spend`,
      { params: { user_ids: userIds.join(",") }, signal, ...EXACT_ANSWER },
    );
    return response.data;
  };

  getGroupsAISpend = async (
    organization: string,
    groupIds: string[],
    signal?: AbortSignal,
  ): Promise<GroupsAISpendResponse> => {
    const response = await this.axios.get<GroupsAISpendResponse>(
      path`/api/v2/organizations/${organization}/groups/ai/spend`,
      { params: { group_ids: groupIds.join(",") }, signal, ...EXACT_ANSWER },
    );
    return response.data;
  };

  getUserAISpend = async (user: string, signal?: AbortSignal): Promise<UserAISpend> => {
    const response = await this.axios.get<UserAISpend>(path`/api/v2/users/${user}/ai/spend`, {
      signal,
      ...EXACT_ANSWER,
    });
    return response.data;
  };

  /** One group's spend row (Coder v2.40; older deployments answer it from `getGroupsAISpend`). */
  getGroupAISpend = async (groupId: string, signal?: AbortSignal): Promise<GroupAISpendResponse> => {
    const response = await this.axios.get<GroupAISpendResponse>(path`/api/v2/groups/${groupId}/ai/spend`, {
      signal,
      ...EXACT_ANSWER,
    });
    return response.data;
  };

  /** A user's budget and spend in each of their organizations (Coder v2.40, request organizations). */
  getUserOrganizationsAISpend = async (user: string, signal?: AbortSignal): Promise<UserOrganizationsAISpend> => {
    const response = await this.axios.get<UserOrganizationsAISpend>(
      path`/api/v2/users/${user}/ai/spend/organizations`,
      { signal, ...EXACT_ANSWER },
    );
    return response.data;
  };

  /** A page of the per-user spend report, most expensive first, filtered on the server. */
  getAISpendUsers = async (
    organization: string,
    query: {
      start: string;
      end: string;
      provider_name?: string;
      model?: string;
      client?: string;
      limit: number;
      offset: number;
    },
    signal?: AbortSignal,
  ): Promise<AISpendUsersReport> => {
    const { start, end, ...rest } = query;
    const params = Object.fromEntries(
      Object.entries({ period_start: start, period_end: end, ...rest }).filter(([, v]) => v !== undefined && v !== ""),
    );
    const response = await this.axios.get<AISpendUsersReport>(
      path`/api/v2/organizations/${organization}/ai/spend/users`,
      { params, signal, ...EXACT_ANSWER },
    );
    return response.data;
  };

  /**
   * Coder's CSV export of the organization's AI spend in [start, end), as
   * bytes: a large file is decoded where it is parsed, off the page's thread.
   */
  getAISpendExport = async (
    organization: string,
    period: { start: string; end: string },
    signal?: AbortSignal,
  ): Promise<ArrayBuffer> => {
    const response = await this.axios.get<ArrayBuffer>(path`/api/v2/organizations/${organization}/ai/spend/export`, {
      params: { period_start: period.start, period_end: period.end },
      responseType: "arraybuffer",
      // An error's JSON body parsed, so its message reaches the page.
      transformResponse: (data: ArrayBuffer, headers) =>
        String(headers?.["content-type"] ?? "").includes("json") ? JSON.parse(new TextDecoder().decode(data)) : data,
      signal,
    });
    return response.data;
  };

  getUserAIBudgetOverride = async (user: string, signal?: AbortSignal): Promise<UserAIBudgetOverride> => {
    const response = await this.axios.get<UserAIBudgetOverride>(path`/api/v2/users/${user}/ai/budget/override`, {
      signal,
    });
    return response.data;
  };

  upsertUserAIBudgetOverride = async (
    user: string,
    request: UpsertUserAIBudgetOverrideRequest,
  ): Promise<UserAIBudgetOverride> => {
    const response = await this.axios.put<UserAIBudgetOverride>(
      path`/api/v2/users/${user}/ai/budget/override`,
      request,
    );
    return response.data;
  };

  deleteUserAIBudgetOverride = async (user: string): Promise<void> => {
    await this.axios.delete(path`/api/v2/users/${user}/ai/budget/override`);
  };

  deleteGroupAIBudget = async (groupId: string, expectedETag?: string | null): Promise<void> => {
    await this.axios.delete(path`/api/v2/groups/${groupId}/ai/budget`, {
      headers: expectedETag === undefined ? {} : preconditionHeaders(expectedETag),
    });
  };

  /** A page of Coder's audit log, newest first, filtered by its search query (`resource_type:group …`). */
  getAuditLogs = async (
    options: { q: string; limit: number; offset: number },
    signal?: AbortSignal,
  ): Promise<AuditLogResponse> => {
    const response = await this.axios.get<AuditLogResponse>("/api/v2/audit", { params: options, signal });
    return response.data;
  };
}

const etagOf = (headers: Record<string, unknown> | { get?: unknown }): string | null => {
  const value = (headers as Record<string, unknown>).etag;
  return typeof value === "string" ? value : null;
};

export const API = new ApiClient();
