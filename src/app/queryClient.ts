import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isUnauthorized } from "../api/errors";
import { isMissingAIRoute } from "../api/queries/aiFeature";
import { aiRoutesFoundMissing } from "../api/queries/cache";

/**
 * One client for the app. A 401 from any request means the session ended:
 * `onUnauthorized` sends the admin to sign in and back.
 */
export function createQueryClient(
  onUnauthorized: () => void = () => {},
  { retry = true }: { retry?: boolean } = {},
): QueryClient {
  const handle = (error: unknown) => {
    if (isUnauthorized(error)) onUnauthorized();
    // An AI route the deployment does not have: every page stops asking (aiFeature.ts).
    if (isMissingAIRoute(error)) {
      aiRoutesFoundMissing(client);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: handle }),
    mutationCache: new MutationCache({ onError: handle }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retry what may pass on a second try; never a 4xx the server meant.
        retry: (failureCount, error) => {
          if (!retry) return false;
          const status = (error as { response?: { status?: number } }).response?.status;
          return failureCount < 2 && (status === undefined || status >= 500);
        },
      },
    },
  });
  return client;
}
