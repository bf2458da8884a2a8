import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { MockOrganizationName } from "../../testHelpers/entities";
import { mockBackend } from "../../testHelpers/handlers";
import { renderApp } from "../../testHelpers/renderApp";
import { server } from "../../testHelpers/server";

const groupsPath = `/organizations/${MockOrganizationName}/groups`;
const loginTo = (path: string) => `/login?redirect=${encodeURIComponent(path)}`;

function ssoOnly() {
  mockBackend.signedIn = false;
  mockBackend.authMethods = {
    password: { enabled: false },
    github: { enabled: true },
    oidc: { enabled: true, signInText: "Okta", iconUrl: "" },
  };
}

/** buildinfo as a deployment on another origin than this app's answers it. */
const deploymentElsewhere = () =>
  server.use(
    http.get("*/api/v2/buildinfo", () =>
      HttpResponse.json({ version: "v2.36.1", external_url: "https://coder.example.com" }),
    ),
  );

describe("LoginPage", () => {
  it("offers only email and password where that is all the deployment has", async () => {
    mockBackend.signedIn = false;
    renderApp(loginTo(groupsPath));
    expect(await screen.findByLabelText("Password")).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toBeInTheDocument();
    expect(screen.queryByLabelText("Session token")).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /Sign in with/ })).not.toBeInTheDocument();
  });

  it("on an SSO-only deployment elsewhere: no password, says plainly why SSO cannot come back, links to /cli-auth", async () => {
    ssoOnly();
    deploymentElsewhere();
    renderApp(loginTo(groupsPath));
    const form = await screen.findByRole("form", { name: "Single sign-on (SSO)" });
    expect(screen.queryByLabelText("Password")).not.toBeInTheDocument();
    expect(
      within(form).getByText(
        "GitHub and Okta sign-in returns to https://coder.example.com, not to this app, so it cannot sign you in here. Sign in there and bring a session token instead.",
      ),
    ).toBeInTheDocument();
    expect(within(form).getByRole("link", { name: "https://coder.example.com/cli-auth" })).toHaveAttribute(
      "href",
      "https://coder.example.com/cli-auth",
    );
    expect(screen.queryByRole("link", { name: "Sign in with Okta" })).not.toBeInTheDocument();
  });

  it("signs in with a pasted session token, and refuses a wrong one with the reason", async () => {
    ssoOnly();
    deploymentElsewhere();
    const app = renderApp(loginTo(groupsPath));
    const input = await screen.findByLabelText("Session token");
    await app.user.type(input, "not-the-token");
    await app.user.click(screen.getByRole("button", { name: "Sign in with token" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This session token was not accepted.");
    expect(app.location()).toBe("/login");

    await app.user.clear(input);
    await app.user.type(input, "mock-session-token");
    await app.user.click(screen.getByRole("button", { name: "Sign in with token" }));
    expect(await screen.findByRole("heading", { name: "Groups" })).toBeInTheDocument();
    expect(app.location()).toBe(groupsPath);
  });

  it("links to the deployment's SSO when this app is served from the deployment's own origin", async () => {
    ssoOnly();
    mockBackend.authMethods.password.enabled = true;
    renderApp(loginTo(groupsPath));
    const okta = await screen.findByRole("link", { name: "Sign in with Okta" });
    expect(okta).toHaveAttribute("href", `/api/v2/users/oidc/callback?redirect=${encodeURIComponent(groupsPath)}`);
    expect(screen.getByRole("link", { name: "Sign in with GitHub" })).toHaveAttribute(
      "href",
      `/api/v2/users/oauth2/github/callback?redirect=${encodeURIComponent(groupsPath)}`,
    );
    expect(screen.getByLabelText("Password")).toBeInTheDocument();
  });

  it("links to the deployment's terms of service when it has them", async () => {
    mockBackend.signedIn = false;
    mockBackend.authMethods.terms_of_service_url = "https://example.com/terms";
    renderApp("/login");
    expect(await screen.findByRole("link", { name: "terms of service" })).toHaveAttribute(
      "href",
      "https://example.com/terms",
    );
  });

  it("says what is wrong when the deployment cannot be reached, with Retry", async () => {
    mockBackend.signedIn = false;
    server.use(
      http.get("*/api/v2/users/authmethods", () =>
        HttpResponse.json(
          { message: "The Coder deployment at https://coder.internal could not be reached.", detail: "ECONNREFUSED" },
          { status: 502 },
        ),
      ),
    );
    renderApp("/login");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not load the sign-in options.");
    expect(alert).toHaveTextContent("The Coder deployment at https://coder.internal could not be reached.");
    expect(within(alert).getByRole("button", { name: "Retry" })).toBeInTheDocument();
  });
});

describe("the return path after sign-in", () => {
  it.each(["//evil.example/x", "/\\evil.example/x", "/\\/evil.example", "/\n/evil.example", "https://evil.example"])(
    "never leaves this site for %s, and does not keep the admin on sign-in",
    async (target) => {
      mockBackend.signedIn = false;
      const { signIn, router } = renderApp(loginTo(target));
      await signIn("admin");
      await screen.findByRole("heading", { name: "Groups" });
      expect(router.state.location.pathname).toBe(groupsPath);
    },
  );
});
