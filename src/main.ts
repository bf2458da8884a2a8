// The app's first code: small, with no React, so the current page's requests
// leave while React, the router and the page's own code are still on the way.
import { loginPath } from "./app/paths";
import { prefetchForLocation } from "./app/prefetch";
import { createQueryClient } from "./app/queryClient";
import "./index.css";

let navigate: ((to: string) => void) | undefined;
let signInNeeded = false;

/** A 401 means the session ended: to the sign-in page, and back here after. */
const toSignIn = () => {
  const { pathname, search } = window.location;
  if (pathname === "/login") return;
  if (navigate) navigate(loginPath(pathname + search));
  else signInNeeded = true;
};

const queryClient = createQueryClient(toSignIn);
prefetchForLocation(queryClient, window.location.pathname);

void import("./app/start").then(({ start }) => {
  navigate = start(queryClient, document.getElementById("root")!);
  // A 401 that came back before the router existed.
  if (signInNeeded) toSignIn();
});
