// An answer sent before the request's body has arrived (413 for a body too
// large, 401/403/404 before a body is read) cannot leave the connection
// usable: the rest of that body is still on the wire, and the server drops the
// connection rather than read megabytes nobody wants. Saying `keep-alive` there
// would make the client send its next request into a closing socket, where it
// is lost. So such an answer says `Connection: close`, and the client opens a
// new connection for what comes next.
//
// Closing must also not erase the answer. Node closes such a connection as
// soon as the answer is written (`socket.destroySoon()`), while the rest of the
// body is still arriving; closing a socket with unread data makes the kernel
// send a reset, and a reset can reach the client before it has read the answer:
// the client then sees the connection drop with no answer at all (RFC 9112
// §9.6). On a quiet machine the client reads first; on a busy one it often
// does not, and the write it meant to send next was never sent. So the server
// closes lingering, as RFC 9112 asks: the answer and a FIN go out, what the
// client still sends is read and dropped (never parsed: nothing more on this
// connection is answered), and the socket closes once the client closes its
// side, or after LINGER_MS or LINGER_BYTES, whichever comes first.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** How long a closing connection reads what the client still sends. */
export const LINGER_MS = 5_000;
/** How much of it, at most, before the connection is cut. */
export const LINGER_BYTES = 8 * 1024 * 1024;

const hasBody = (request: IncomingMessage) =>
  request.headers["transfer-encoding"] !== undefined || Number(request.headers["content-length"] ?? 0) > 0;

const lingering = new WeakSet<Socket>();

/** Replaces Node's immediate close of this socket with a lingering one. */
function closeLingering(socket: Socket): void {
  if (lingering.has(socket)) return;
  lingering.add(socket);
  socket.destroySoon = function lingeringClose(this: Socket) {
    if (this.destroyed || this.writableEnded) return;
    // The answer, then a FIN: the client reads the answer and closes its side.
    this.end();
    let dropped = 0;
    const drop = (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > LINGER_BYTES) this.destroy();
    };
    // Adding a listener takes the data away from the HTTP parser's fast path;
    // removing the parser's own listener stops it from reading another request.
    this.on("data", drop);
    for (const listener of this.listeners("data")) {
      if (listener !== drop) this.removeListener("data", listener as (chunk: Buffer) => void);
    }
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once("end", () => this.destroy());
    this.once("close", () => clearTimeout(timer));
    this.resume();
  };
}

function closeWhenBodyUnread(request: IncomingMessage, response: ServerResponse): void {
  if (!hasBody(request)) return;
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (!request.readableEnded) {
      this.shouldKeepAlive = false;
      closeLingering(request.socket);
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}

/** Runs before the app sees each request. */
export function answerEarlyAnswersHonestly(server: Pick<Server, "prependListener">): void {
  server.prependListener("request", closeWhenBodyUnread);
}
