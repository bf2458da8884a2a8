/** The sign-in page, told where to send the admin back to. */
export const loginPath = (returnTo: string) => `/login?redirect=${encodeURIComponent(returnTo)}`;
