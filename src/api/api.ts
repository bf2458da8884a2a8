import axios, { type AxiosInstance } from "axios";
import type {
  AuthorizationRequest,
  AuthorizationResponse,
  Entitlements,
  Group,
  GroupAIBudget,
  LoginWithPasswordRequest,
  LoginWithPasswordResponse,
  PatchGroupRequest,
  UpsertGroupAIBudgetRequest,
  User,
} from "./types";

/** A request that never answers must not leave the admin waiting forever. */
export const REQUEST_TIMEOUT_MS = 15_000;

const path = (strings: TemplateStringsArray, ...parts: string[]): string =>
  strings.reduce(
    (url, text, index) =>
      url + text + (index < parts.length ? encodeURIComponent(parts[index] ?? "") : ""),
    "",
  );

/**
 * One method per endpoint of Coder's API that this module uses. The session
 * travels in Coder's cookie (same origin) and the browser sends it on its own.
 */
export class ApiClient {
  readonly axios: AxiosInstance;

  constructor(instance: AxiosInstance = axios.create({ timeout: REQUEST_TIMEOUT_MS })) {
    this.axios = instance;
  }

  login = async (
    credentials: LoginWithPasswordRequest,
    signal?: AbortSignal,
  ): Promise<LoginWithPasswordResponse> => {
    const response = await this.axios.post<LoginWithPasswordResponse>(
      "/api/v2/users/login",
      credentials,
      { signal },
    );
    return response.data;
  };

  logout = async (): Promise<void> => {
    await this.axios.post("/api/v2/users/logout");
  };

  getAuthenticatedUser = async (signal?: AbortSignal): Promise<User> => {
    const response = await this.axios.get<User>("/api/v2/users/me", { signal });
    return response.data;
  };

  getEntitlements = async (signal?: AbortSignal): Promise<Entitlements> => {
    const response = await this.axios.get<Entitlements>("/api/v2/entitlements", {
      signal,
    });
    return response.data;
  };

  checkAuthorization = async (
    request: AuthorizationRequest,
    signal?: AbortSignal,
  ): Promise<AuthorizationResponse> => {
    const response = await this.axios.post<AuthorizationResponse>(
      "/api/v2/authcheck",
      request,
      { signal },
    );
    return response.data;
  };

  getGroupsByOrganization = async (
    organization: string,
    signal?: AbortSignal,
  ): Promise<Group[]> => {
    const response = await this.axios.get<Group[]>(
      path`/api/v2/organizations/${organization}/groups`,
      { signal },
    );
    return response.data;
  };

  getGroup = async (
    organization: string,
    groupName: string,
    signal?: AbortSignal,
  ): Promise<Group> => {
    const response = await this.axios.get<Group>(
      path`/api/v2/organizations/${organization}/groups/${groupName}`,
      { signal },
    );
    return response.data;
  };

  getGroupById = async (groupId: string, signal?: AbortSignal): Promise<Group> => {
    const response = await this.axios.get<Group>(path`/api/v2/groups/${groupId}`, {
      signal,
    });
    return response.data;
  };

  patchGroup = async (groupId: string, request: PatchGroupRequest): Promise<Group> => {
    const response = await this.axios.patch<Group>(
      path`/api/v2/groups/${groupId}`,
      request,
    );
    return response.data;
  };

  getGroupAIBudget = async (
    groupId: string,
    signal?: AbortSignal,
  ): Promise<GroupAIBudget> => {
    const response = await this.axios.get<GroupAIBudget>(
      path`/api/v2/groups/${groupId}/ai/budget`,
      { signal },
    );
    return response.data;
  };

  upsertGroupAIBudget = async (
    groupId: string,
    request: UpsertGroupAIBudgetRequest,
  ): Promise<GroupAIBudget> => {
    const response = await this.axios.put<GroupAIBudget>(
      path`/api/v2/groups/${groupId}/ai/budget`,
      request,
    );
    return response.data;
  };

  deleteGroupAIBudget = async (groupId: string): Promise<void> => {
    await this.axios.delete(path`/api/v2/groups/${groupId}/ai/budget`);
  };
}

export const API = new ApiClient();
