import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { API } from "../api";
import type { LoginWithPasswordRequest } from "../../../core/types";
import { queryKeys } from "./keys";

export const me = () =>
  queryOptions({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => API.getAuthenticatedUser(signal),
    staleTime: Infinity,
  });

export const login = (queryClient: QueryClient) => ({
  mutationFn: (credentials: LoginWithPasswordRequest) => API.login(credentials),
  // A new session may see other things: forget whatever the last one loaded.
  onSuccess: () => queryClient.clear(),
});

/** A session token pasted from the deployment's /cli-auth page, for SSO-only deployments. */
export const signInWithSessionToken = (queryClient: QueryClient) => ({
  mutationFn: (sessionToken: string) => API.signInWithSessionToken(sessionToken),
  onSuccess: () => queryClient.clear(),
});

export const logout = (queryClient: QueryClient) => ({
  mutationFn: () => API.logout(),
  onSettled: () => queryClient.clear(),
});
