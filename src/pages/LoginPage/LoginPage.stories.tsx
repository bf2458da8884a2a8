import type { Meta, StoryObj } from "@storybook/react-vite";
import { http, HttpResponse } from "msw";
import { expect, within } from "storybook/test";
import { mockBackend } from "../../testHelpers/handlers";
import { AppAt, withHandlers } from "../../testHelpers/storyApp";

const meta = {
  title: "pages/LoginPage",
  render: () => <AppAt path="/login?redirect=%2Forganizations%2Fcoder%2Fgroups" />,
  parameters: { layout: "fullscreen" },
  beforeEach: () => {
    mockBackend.signedIn = false;
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const ssoOnly = () => {
  mockBackend.signedIn = false;
  mockBackend.authMethods = {
    password: { enabled: false },
    github: { enabled: true },
    oidc: { enabled: true, signInText: "Okta", iconUrl: "" },
  };
};

/** The embedded backend, or a deployment with only password sign-in on. */
export const PasswordOnly: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText("Password")).toBeVisible();
    await expect(canvas.queryByLabelText("Session token")).not.toBeInTheDocument();
  },
};

/** SSO only, and this app runs on another origin than the deployment: a session token is the way in. */
export const SingleSignOnElsewhere: Story = {
  beforeEach: ssoOnly,
  parameters: withHandlers(
    http.get("*/api/v2/buildinfo", () =>
      HttpResponse.json({ version: "v2.36.1", external_url: "https://coder.example.com" }),
    ),
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText("Session token")).toBeVisible();
    await expect(canvas.getByRole("link", { name: "https://coder.example.com/cli-auth" })).toBeVisible();
    await expect(canvas.getByText(/GitHub and Okta sign-in returns to https:\/\/coder\.example\.com/)).toBeVisible();
    await expect(canvas.queryByLabelText("Password")).not.toBeInTheDocument();
  },
};

/** SSO with this app on the deployment's own origin: its buttons work here. */
export const SingleSignOnHere: Story = {
  beforeEach: ssoOnly,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("link", { name: "Sign in with Okta" })).toBeVisible();
    await expect(canvas.getByRole("link", { name: "Sign in with GitHub" })).toBeVisible();
  },
};

export const DeploymentUnreachable: Story = {
  parameters: withHandlers(
    http.get("*/api/v2/users/authmethods", () =>
      HttpResponse.json(
        {
          message: "The Coder deployment at https://coder.internal could not be reached.",
          detail:
            "ECONNREFUSED: connect ECONNREFUSED 10.0.0.5:443. Check CODER_URL and that this machine can reach it.",
        },
        { status: 502 },
      ),
    ),
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent("Could not load the sign-in options.");
    await expect(within(alert).getByRole("button", { name: "Retry" })).toBeVisible();
  },
};
