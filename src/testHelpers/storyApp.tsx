import type { Decorator } from "@storybook/react-vite";
import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type FC } from "react";
import { createMemoryRouter, MemoryRouter } from "react-router";
import { App } from "../app/App";
import { createQueryClient } from "../app/queryClient";
import { createRoutes } from "../app/routes";
import { handlers } from "./handlers";

/** The whole app at `path`, with a fresh cache, for page-level stories. */
export const AppAt: FC<{ path: string }> = ({ path }) => {
  const [{ queryClient, router }] = useState(() => {
    const client = createQueryClient(() => {}, { retry: false });
    return {
      queryClient: client,
      router: createMemoryRouter(createRoutes(client), { initialEntries: [path] }),
    };
  });
  return <App queryClient={queryClient} router={router} />;
};

/** MSW parameters for a story: its own handlers first, then the mock backend's. */
export const withHandlers = (...overrides: typeof handlers) => ({
  msw: { handlers: { backend: [...overrides, ...handlers] } },
});

/**
 * For a component story: a fresh query cache (no retries) and a router around
 * the story, as the app gives its components.
 */
export const withAppProviders: Decorator = (Story) => {
  const [queryClient] = useState(() => createQueryClient(() => {}, { retry: false }));
  return (
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <Story />
      </MemoryRouter>
    </QueryClientProvider>
  );
};
