import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter } from "react-router";
import { App } from "../app/App";
import { createQueryClient } from "../app/queryClient";
import { loginUrl } from "../app/urls";
import { createRoutes } from "../app/routes";
import { ClockContext, systemClock } from "../utils/clock";
import { MOCK_PASSWORD } from "./handlers";

/** The real app, routes and all, in a memory router; MSW answers its requests; forecasts drawn at `now` if given. */
export function renderApp(path: string, { now }: { now?: string } = {}) {
  const queryClient = createQueryClient(
    () => {
      const { pathname, search } = router.state.location;
      if (pathname !== "/login") void router.navigate(loginUrl(pathname + search));
    },
    { retry: false },
  );
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <ClockContext value={now === undefined ? systemClock : () => new Date(now)}>
      <App queryClient={queryClient} router={router} />
    </ClockContext>,
  );
  /** Signs in through the sign-in page the app is showing, as a seeded user would. */
  const signIn = async (username = "admin") => {
    await user.type(await screen.findByLabelText("Email"), `${username}@example.com`);
    await user.type(screen.getByLabelText("Password"), MOCK_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Sign In" }));
  };
  return { ...view, router, queryClient, user, signIn, location: () => router.state.location.pathname };
}
