import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { withAppProviders } from "../../testHelpers/storyApp";
import { SingleSignOn } from "./SingleSignOn";
import type { SignInOptions } from "./signInOptions";

const DEPLOYMENT = "https://coder.example.com";
/** SSO on, this app on another origin than the deployment: a session token is the way in. */
const elsewhere: SignInOptions = {
  password: false,
  singleSignOn: [{ name: "GitHub" }, { name: "Okta" }],
  sessionToken: true,
  cliAuthUrl: `${DEPLOYMENT}/cli-auth`,
  deploymentUrl: DEPLOYMENT,
};

const meta = {
  title: "pages/LoginPage/SingleSignOn",
  component: SingleSignOn,
  decorators: [withAppProviders],
  args: { options: elsewhere, onSignedIn: fn() },
} satisfies Meta<typeof SingleSignOn>;

export default meta;
type Story = StoryObj<typeof meta>;

const pasteToken = async (canvasElement: HTMLElement, token: string) => {
  const canvas = within(canvasElement);
  // Enter in the field: the focus stays there (see PasswordSignIn's stories).
  await userEvent.type(canvas.getByLabelText("Session token"), `${token}{Enter}`);
  return canvas;
};

/** The providers' flows return to the deployment: the steps to bring a session token. */
export const TokenFromElsewhere: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByText(/GitHub and Okta sign-in returns to https:\/\/coder\.example\.com, not to this app/),
    ).toBeVisible();
    await expect(canvas.getByRole("link", { name: `${DEPLOYMENT}/cli-auth` })).toHaveAttribute(
      "href",
      `${DEPLOYMENT}/cli-auth`,
    );
  },
};

/** This app on the deployment's origin: the providers' own buttons, and the token form beside them. */
export const ProvidersHere: Story = {
  args: {
    options: {
      ...elsewhere,
      singleSignOn: [
        { name: "GitHub", href: "/api/v2/users/oauth2/github/callback" },
        { name: "Okta", href: "/api/v2/users/oidc/callback" },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("link", { name: "Sign in with GitHub" })).toBeVisible();
    await expect(canvas.getByRole("link", { name: "Sign in with Okta" })).toBeVisible();
    await expect(canvas.queryByText(/returns to/)).not.toBeInTheDocument();
  },
};

/** The deployment's address unknown: the steps still say where to go. */
export const AddressUnknown: Story = {
  args: { options: { ...elsewhere, cliAuthUrl: undefined, deploymentUrl: undefined } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/your deployment's \/cli-auth page/)).toBeVisible();
  },
};

/** A token the deployment refuses: its message, the field kept. */
export const TokenRefused: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = await pasteToken(canvasElement, "expired-or-wrong");
    await expect(await canvas.findByRole("alert")).toHaveTextContent("This session token was not accepted.");
    await expect(canvas.getByLabelText("Session token")).toHaveValue("expired-or-wrong");
    await expect(args.onSignedIn).not.toHaveBeenCalled();
  },
};

/** A token that works: the page is told, and moves on. */
export const TokenAccepted: Story = {
  play: async ({ canvasElement, args }) => {
    await pasteToken(canvasElement, "mock-session-token");
    await waitFor(() => expect(args.onSignedIn).toHaveBeenCalledOnce());
  },
};
