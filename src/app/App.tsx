import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { FC } from "react";
import { RouterProvider, type createMemoryRouter } from "react-router";
import { Toaster } from "sonner";

// Browser and memory routers share one type.
type Router = ReturnType<typeof createMemoryRouter>;

export const App: FC<{ queryClient: QueryClient; router: Router }> = ({ queryClient, router }) => (
  <QueryClientProvider client={queryClient}>
    <RouterProvider router={router} />
    <Toaster richColors closeButton position="bottom-right" />
  </QueryClientProvider>
);
