import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { SESSION_TOKEN_COOKIE, SESSION_TOKEN_HEADER, type AuthMethods } from "../../core/types";
import { hashSessionToken, newSessionToken, SESSION_LIFETIME_MS, verifyPassword } from "../auth";
import { apiError, clientAddress, readJson, type AppEnv } from "../httpapi";

export function authRoutes() {
  const routes = new Hono<AppEnv>();

  // The embedded backend signs in with passwords only.
  routes.get("/users/authmethods", (c) => {
    const methods: AuthMethods = {
      password: { enabled: true },
      github: { enabled: false },
      oidc: { enabled: false, signInText: "", iconUrl: "" },
    };
    return c.json(methods);
  });

  routes.post("/users/login", async (c) => {
    const { store, loginLimiter: limiter } = c.get("deps");
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const { email, password } = (body.value ?? {}) as Record<string, unknown>;
    if (typeof email !== "string" || typeof password !== "string" || !email || !password) {
      return apiError(c, 400, "Validation failed.", {
        validations: [
          ...(typeof email === "string" && email ? [] : [{ field: "email", detail: "Email is required." }]),
          ...(typeof password === "string" && password ? [] : [{ field: "password", detail: "Password is required." }]),
        ],
      });
    }
    const attempt = await limiter.begin(email, clientAddress(c));
    if (!attempt) {
      return apiError(c, 429, "Too many sign-in attempts.", { detail: "Wait a minute, then try again." });
    }
    const user = await store.users.byEmail(email);
    // Hash even for an unknown email, so timing does not tell which emails exist.
    const valid = await verifyPassword(password, user?.hashed_password ?? "scrypt$16384$AAAAAAAAAAAAAAAAAAAAAA$AAAA");
    if (!user || !valid || user.status !== "active") {
      return apiError(c, 401, "Incorrect email or password.");
    }
    await attempt.succeeded();
    const { token, hashed } = newSessionToken();
    const expires = new Date(Date.now() + SESSION_LIFETIME_MS);
    await store.users.createSession(user.id, hashed, expires);
    setCookie(c, SESSION_TOKEN_COOKIE, token, {
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      secure: new URL(c.req.url).protocol === "https:",
      expires,
    });
    return c.json({ session_token: token }, 201);
  });

  routes.post("/users/logout", async (c) => {
    const token = c.req.header(SESSION_TOKEN_HEADER) ?? getCookie(c, SESSION_TOKEN_COOKIE);
    if (token) await c.get("deps").store.users.deleteSession(hashSessionToken(token));
    deleteCookie(c, SESSION_TOKEN_COOKIE, { path: "/" });
    return c.json({ message: "Logged out!" });
  });

  return routes;
}
