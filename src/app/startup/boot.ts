import type { QueryClient } from "@tanstack/react-query";
import { prefetchLocation } from "../prefetch";
import { createQueryClient } from "../queryClient";
import { LOGIN_URL, loginUrl } from "../urls";

/**
 * The query cache, with the current page's data already being fetched (the
 * first wave's answers come from main.ts's early requests). `setNavigate`
 * hands over the router's navigation once React has started.
 */
export function boot(): { queryClient: QueryClient; setNavigate: (navigate: (to: string) => void) => void } {
  let navigate: ((to: string) => void) | undefined;
  let signInNeeded = false;
  /** A 401 means the session ended: to the sign-in page, and back here after. */
  const toSignIn = () => {
    const { pathname, search } = window.location;
    if (pathname === LOGIN_URL) return;
    if (navigate) navigate(loginUrl(pathname + search));
    else signInNeeded = true;
  };
  performance.mark("app:data-layer");
  const queryClient = createQueryClient(toSignIn);
  prefetchLocation(queryClient, window.location.pathname);
  return {
    queryClient,
    setNavigate: (next) => {
      navigate = next;
      // A 401 that came back before the router existed.
      if (signInNeeded) toSignIn();
    },
  };
}
