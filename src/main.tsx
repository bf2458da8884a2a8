import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter } from "react-router";
import { App } from "./app/App";
import { createQueryClient } from "./app/queryClient";
import { prefetchForLocation } from "./app/prefetch";
import { createRoutes, loginPath } from "./app/routes";
import "./index.css";

const queryClient = createQueryClient(() => {
  const { pathname, search } = window.location;
  if (pathname !== "/login") void router.navigate(loginPath(pathname + search));
});
prefetchForLocation(queryClient, window.location.pathname);
const router = createBrowserRouter(createRoutes(queryClient));

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App queryClient={queryClient} router={router} />
  </StrictMode>,
);
