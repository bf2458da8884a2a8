import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter } from "react-router";
import { App } from "../app/App";
import { createQueryClient } from "../app/queryClient";
import { loginUrl } from "../app/urls";
import { createRoutes } from "../app/routes";

/** The real app, routes and all, in a memory router; MSW answers its requests. */
export function renderApp(path: string) {
  const queryClient = createQueryClient(
    () => {
      const { pathname, search } = router.state.location;
      if (pathname !== "/login") void router.navigate(loginUrl(pathname + search));
    },
    { retry: false },
  );
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(<App queryClient={queryClient} router={router} />);
  return { ...view, router, queryClient, user, location: () => router.state.location.pathname };
}
