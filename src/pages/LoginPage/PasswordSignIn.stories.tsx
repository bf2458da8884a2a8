import type { Meta, StoryObj } from "@storybook/react-vite";
import { delay, http, HttpResponse } from "msw";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { MOCK_PASSWORD } from "../../testHelpers/handlers";
import { withAppProviders, withHandlers } from "../../testHelpers/storyApp";
import { PasswordSignIn } from "./PasswordSignIn";

const meta = {
  title: "pages/LoginPage/PasswordSignIn",
  component: PasswordSignIn,
  decorators: [withAppProviders],
  args: { onSignedIn: fn() },
} satisfies Meta<typeof PasswordSignIn>;

export default meta;
type Story = StoryObj<typeof meta>;

const fillIn = async (canvasElement: HTMLElement, email: string, password: string) => {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByLabelText("Email"), email);
  // Enter in the field, as many sign in: the focus stays there, so the picture does not depend on
  // whether the browser draws a clicked button's focus ring.
  await userEvent.type(canvas.getByLabelText("Password"), `${password}{Enter}`);
  return canvas;
};

/** Empty, as the sign-in page opens. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText("Email")).toHaveValue("");
    await expect(canvas.getByRole("button", { name: "Sign In" })).toBeEnabled();
  },
};

/** A wrong password: Coder's message, what was typed kept. */
export const WrongPassword: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = await fillIn(canvasElement, "admin@example.com", "not-the-password");
    await expect(await canvas.findByRole("alert")).toHaveTextContent("Incorrect email or password.");
    await expect(canvas.getByLabelText("Email")).toHaveValue("admin@example.com");
    await expect(args.onSignedIn).not.toHaveBeenCalled();
  },
};

/** While the deployment answers: the button says so and takes no second click. */
export const SigningIn: Story = {
  parameters: withHandlers(http.post("*/api/v2/users/login", () => delay("infinite"))),
  play: async ({ canvasElement }) => {
    const canvas = await fillIn(canvasElement, "admin@example.com", MOCK_PASSWORD);
    await expect(await canvas.findByRole("button", { name: "Signing in…" })).toBeDisabled();
  },
};

/** The right password: the page is told, and moves on. */
export const SignedIn: Story = {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement, "admin@example.com", MOCK_PASSWORD);
    await waitFor(() => expect(args.onSignedIn).toHaveBeenCalledOnce());
  },
};

/** The deployment could not be reached: what failed, and what to check. */
export const DeploymentUnreachable: Story = {
  parameters: withHandlers(
    http.post("*/api/v2/users/login", () =>
      HttpResponse.json(
        {
          message: "The Coder deployment at https://coder.internal could not be reached.",
          detail: "Check CODER_URL and that this machine can reach it.",
        },
        { status: 502 },
      ),
    ),
  ),
  play: async ({ canvasElement }) => {
    const canvas = await fillIn(canvasElement, "admin@example.com", MOCK_PASSWORD);
    await expect(await canvas.findByRole("alert")).toHaveTextContent("could not be reached. Check CODER_URL");
  },
};
