import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { FC } from "react";
import { RouterProvider, type createMemoryRouter } from "react-router";
import { Toaster } from "sonner";

// Browser and memory routers share one type.
type Router = ReturnType<typeof createMemoryRouter>;

export const App: FC<{ queryClient: QueryClient; router: Router }> = ({ queryClient, router }) => (
  <QueryClientProvider client={queryClient}>
    <RouterProvider router={router} />
    {/* sonner's richColors fail WCAG contrast; our own classes keep text dark. */}
    <Toaster
      closeButton
      position="bottom-right"
      toastOptions={{ classNames: { error: "toast-error", success: "toast-success" } }}
    />
  </QueryClientProvider>
);
