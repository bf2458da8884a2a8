// An answer sent before the request's body has arrived (413 for a body too
// large, 401/403/404 before a body is read) cannot leave the connection
// usable: the rest of that body is still on the wire, and the server drops the
// connection rather than read megabytes nobody wants. Saying `keep-alive` there
// would make the client send its next request into a closing socket, where it
// is lost. So such an answer says `Connection: close`, and the client opens a
// new connection for what comes next.
import type { IncomingMessage, Server, ServerResponse } from "node:http";

const hasBody = (request: IncomingMessage) =>
  request.headers["transfer-encoding"] !== undefined || Number(request.headers["content-length"] ?? 0) > 0;

function closeWhenBodyUnread(request: IncomingMessage, response: ServerResponse): void {
  if (!hasBody(request)) return;
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (!request.readableEnded) this.shouldKeepAlive = false;
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}

/** Runs before the app sees each request. */
export function answerEarlyAnswersHonestly(server: Pick<Server, "prependListener">): void {
  server.prependListener("request", closeWhenBodyUnread);
}
