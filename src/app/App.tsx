import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useCallback, type FC } from "react";
import { RouterProvider, type createMemoryRouter } from "react-router";
import { Toaster } from "sonner";
import { PrefetchContext } from "../hooks/usePrefetchOnIntent";
import { prefetchLocation } from "./prefetch";

// Browser and memory routers share one type.
type Router = ReturnType<typeof createMemoryRouter>;

export const App: FC<{ queryClient: QueryClient; router: Router }> = ({ queryClient, router }) => {
  const prefetch = useCallback(
    (url: string) => prefetchLocation(queryClient, new URL(url, "http://app").pathname),
    [queryClient],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <PrefetchContext value={prefetch}>
        <RouterProvider router={router} />
      </PrefetchContext>
      {/* sonner's richColors fail WCAG contrast; our own marks keep text dark. */}
      <Toaster
        closeButton
        position="bottom-right"
        toastOptions={{
          classNames: {
            error: "border-l-4 border-l-border-error",
            success: "border-l-4 border-l-content-success",
            description: "text-content-secondary",
          },
        }}
      />
    </QueryClientProvider>
  );
};
