// Which ways in the sign-in page offers, from the deployment's sign-in
// methods and its address.
import type { AuthMethods } from "../../../core/types";

export interface SingleSignOnProvider {
  /** As the admin knows it: "GitHub", or the deployment's OIDC sign-in text. */
  name: string;
  /** Coder's start of the flow, on this origin; undefined when it could not come back here. */
  href?: string;
}

export interface SignInOptions {
  password: boolean;
  /** OIDC and GitHub, when on. */
  singleSignOn: SingleSignOnProvider[];
  /** A session token from `<deployment>/cli-auth`: whenever password sign-in is off, or SSO is on. */
  sessionToken: boolean;
  /** Where the admin gets a session token; undefined when the deployment's address is unknown. */
  cliAuthUrl?: string;
  /** The deployment's address, as it names itself. */
  deploymentUrl?: string;
  termsOfServiceUrl?: string;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, "");

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/**
 * Coder's OIDC and GitHub flows end on the deployment's own callback, which
 * sets the session cookie on the deployment's origin. They can sign the admin
 * in here only when this app is served from that same origin.
 */
export function signInOptions(
  methods: AuthMethods,
  deploymentUrl: string | undefined,
  thisOrigin: string,
  returnTo: string,
): SignInOptions {
  const comesBackHere = deploymentUrl !== undefined && originOf(deploymentUrl) === thisOrigin;
  const redirect = encodeURIComponent(returnTo);
  const singleSignOn: SingleSignOnProvider[] = [];
  if (methods.github.enabled) {
    singleSignOn.push({
      name: "GitHub",
      href: comesBackHere ? `/api/v2/users/oauth2/github/callback?redirect=${redirect}` : undefined,
    });
  }
  if (methods.oidc.enabled) {
    singleSignOn.push({
      name: methods.oidc.signInText.trim() || "OpenID Connect",
      href: comesBackHere ? `/api/v2/users/oidc/callback?redirect=${redirect}` : undefined,
    });
  }
  const base = deploymentUrl ? withoutTrailingSlash(deploymentUrl) : undefined;
  return {
    password: methods.password.enabled,
    singleSignOn,
    sessionToken: !methods.password.enabled || singleSignOn.length > 0,
    cliAuthUrl: base && `${base}/cli-auth`,
    deploymentUrl: base,
    termsOfServiceUrl: methods.terms_of_service_url || undefined,
  };
}
