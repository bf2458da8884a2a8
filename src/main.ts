// The app's first code, a few hundred bytes: it sends the current page's
// first requests at once, then loads the rest in two parts at the same time:
// the data layer (axios, the query cache, the prefetching), which takes over
// those requests and starts the next wave as soon as their answers allow, and
// React with the router and the pages.
import { startEarlyRequests } from "./app/earlyStart";
import "./index.css";

startEarlyRequests(window.location.pathname);
// The data layer is asked for first: the next wave waits on it, not on React.
const booted = import("./app/boot");
const app = import("./app/start");
void booted.then(({ boot }) => {
  const { queryClient, setNavigate } = boot();
  void app.then(({ start }) => setNavigate(start(queryClient, document.getElementById("root")!)));
});
