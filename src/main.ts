// The app's first code, about 2 kB: it sends the current page's first
// requests at once, then loads the data layer (axios, the query cache, the
// prefetching), which takes over those requests and starts the next wave as
// soon as their answers allow; then React with the router and the pages.
// React is asked for only once the data layer runs: parsing it earlier held
// the main thread while the first answers came back.
import { startEarlyRequests } from "./app/startup/earlyStart";
import { applyTheme, storedTheme } from "./app/startup/theme";
import "./index.css";

startEarlyRequests(window.location.pathname);
applyTheme(storedTheme());
void import("./app/startup/boot").then(async ({ boot }) => {
  const { queryClient, setNavigate } = boot();
  const { start } = await import("./app/startup/start");
  setNavigate(start(queryClient, document.getElementById("root")!));
});
