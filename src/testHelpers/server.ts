import { setupServer } from "msw/node";
import { handlers } from "./handlers";

export const server = setupServer(...handlers);

export interface SeenRequest {
  method: string;
  path: string;
  body: unknown;
}

/** Every request that reached the network edge from now on, in order. */
export function recordRequests(): SeenRequest[] {
  const seen: SeenRequest[] = [];
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    const entry: SeenRequest = { method: request.method, path: url.pathname, body: undefined };
    seen.push(entry);
    if (request.method !== "GET" && request.method !== "DELETE") {
      void request
        .clone()
        .text()
        .then((text) => {
          entry.body = text ? JSON.parse(text) : undefined;
        })
        .catch(() => undefined);
    }
  });
  return seen;
}
