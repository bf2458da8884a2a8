// Signing in and out, who is signed in, and what they may do (authcheck).
import { http, HttpResponse } from "msw";
import { SESSION_TOKEN_SIGN_IN_PATH } from "../../../core/types";
import { checkAuthorizationBody } from "../../../core/requestChecks";
import { impossibleEmail, MAX_EMAIL_LENGTH } from "../../../core/edgeChecks";
import * as permissions from "../../../core/domain/permissions";
import { findGroupById, isMember, signedInUser, viewer } from "./access";
import { brokenJson, error, readJson, unauthorized } from "./responses";
import { mockSignIn } from "./setup";
import { MOCK_PASSWORD, mockBackend } from "./state";

export const authHandlers = [
  http.post("*/api/v2/users/login", async ({ request }) => {
    const body = await readJson(request);
    if (!body.ok) return brokenJson(body);
    const { email, password } = (body.value ?? {}) as Record<string, unknown>;
    if (impossibleEmail(email))
      return error(400, {
        message: "Validation failed.",
        validations: [{ field: "email", detail: `Must be at most ${MAX_EMAIL_LENGTH} characters.` }],
      });
    const user = mockBackend.users.find((u) => typeof email === "string" && u.email === email.toLowerCase());
    if (!user || password !== MOCK_PASSWORD) return error(401, { message: "Incorrect email or password." });
    mockSignIn(user.username);
    return HttpResponse.json({ session_token: "mock-session-token" }, { status: 201 });
  }),

  http.get("*/api/v2/users/authmethods", () => HttpResponse.json(mockBackend.authMethods)),

  http.post(`*${SESSION_TOKEN_SIGN_IN_PATH}`, async ({ request }) => {
    const body = await readJson(request);
    if (!body.ok) return brokenJson();
    const token = (body.value as { session_token?: unknown } | null)?.session_token;
    if (typeof token !== "string" || token.trim() !== "mock-session-token") {
      return error(401, { message: "This session token was not accepted.", detail: "You are not signed in." });
    }
    mockBackend.signedIn = true;
    return HttpResponse.json(signedInUser());
  }),

  http.post("*/api/v2/users/logout", () => {
    mockBackend.signedIn = false;
    return HttpResponse.json({ message: "Logged out!" });
  }),

  http.get("*/api/v2/users/me", () => (mockBackend.signedIn ? HttpResponse.json(signedInUser()) : unauthorized())),

  http.post("*/api/v2/authcheck", async ({ request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const body = await readJson(request);
    if (!body.ok) return brokenJson(body);
    const checked = checkAuthorizationBody(body.value);
    if (!checked.ok) return error(checked.status, checked.body);
    const facts = { groupOrganization: (id: string) => findGroupById(id)?.organization_id, isGroupMember: isMember };
    const answer: Record<string, boolean> = {};
    for (const [name, check] of Object.entries(checked.value)) {
      answer[name] = await permissions.authorize(viewer(), check, facts);
    }
    return HttpResponse.json(answer);
  }),
];
