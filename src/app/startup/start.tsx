import type { QueryClient } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter } from "react-router";
import { App } from "../App";
import { createRoutes } from "../routes";

/** Renders the app into `container`; answers how to navigate within it. */
export function start(queryClient: QueryClient, container: HTMLElement): (to: string) => void {
  performance.mark("app:react");
  const router = createBrowserRouter(createRoutes(queryClient));
  createRoot(container).render(
    <StrictMode>
      <App queryClient={queryClient} router={router} />
    </StrictMode>,
  );
  return (to) => void router.navigate(to);
}
