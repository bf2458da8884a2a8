// Coder's wire around who is asking: errors, users, roles and permission checks, entitlements,
// sign-in, build info and organizations.
export interface ValidationError {
  field: string;
  detail: string;
}

/** Coder's error body (codersdk.Response; named apart from the web's own Response). */
export interface ApiResponse {
  message: string;
  detail?: string;
  validations?: ValidationError[];
}

export interface LoginWithPasswordRequest {
  email: string;
  password: string;
}

export interface LoginWithPasswordResponse {
  session_token: string;
}

export interface Role {
  name: string;
  display_name: string;
  organization_id?: string;
}

export interface User {
  id: string;
  username: string;
  email: string;
  name: string;
  avatar_url: string;
  status: UserStatus;
  roles: Role[];
  organization_ids: string[];
  created_at: string;
  /** When Coder last saw them (Coder's User carries it). */
  last_seen_at?: string;
}

export type UserStatus = "active" | "suspended" | "dormant";

export type ReducedUser = Pick<User, "id" | "username" | "email" | "name" | "avatar_url" | "status" | "created_at"> & {
  /** When Coder last saw them (Coder's ReducedUser carries it; older fixtures may not). */
  last_seen_at?: string;
};

export type Entitlement = "entitled" | "grace_period" | "not_entitled";

export interface Feature {
  entitlement: Entitlement;
  enabled: boolean;
}

export interface Entitlements {
  features: Record<string, Feature>;
  has_license: boolean;
  warnings: string[];
  errors: string[];
  trial: boolean;
  require_telemetry: boolean;
  refreshed_at: string;
}

export type RBACResource = "group" | "user" | "organization" | "group_member" | "audit_log";
export type RBACAction = "read" | "update" | "create" | "delete";

export interface AuthorizationObject {
  resource_type: RBACResource;
  resource_id?: string;
  organization_id?: string;
  owner_id?: string;
}

export interface AuthorizationCheck {
  object: AuthorizationObject;
  action: RBACAction;
}

export interface AuthorizationRequest {
  checks: Record<string, AuthorizationCheck>;
}

export type AuthorizationResponse = Record<string, boolean>;

export const SESSION_TOKEN_HEADER = "Coder-Session-Token";
export const SESSION_TOKEN_COOKIE = "coder_session_token";

/** A sign-in method of the deployment, as `GET /users/authmethods` reports it. */
export interface AuthMethod {
  enabled: boolean;
}

export interface OIDCAuthMethod extends AuthMethod {
  signInText: string;
  iconUrl: string;
}

/** `GET /users/authmethods`: which ways of signing in the deployment has on. */
export interface AuthMethods {
  terms_of_service_url?: string;
  password: AuthMethod;
  github: AuthMethod;
  oidc: OIDCAuthMethod;
}

/** `GET /buildinfo` (the fields this module reads; Coder sends more). */
export interface BuildInfoResponse {
  version: string;
  external_url: string;
  dashboard_url?: string;
  deployment_id?: string;
  workspace_proxy?: boolean;
  upgrade_message?: string;
}

/**
 * This app's own endpoint (not Coder's): a session token the admin pasted
 * from `<deployment>/cli-auth` becomes this origin's session cookie.
 */
export const SESSION_TOKEN_SIGN_IN_PATH = "/api/app/session";

export interface SessionTokenSignInRequest {
  session_token: string;
}

/** Coder's cookie under `CODER_HOST_PREFIX_COOKIE`. */
export const HOST_PREFIXED_SESSION_TOKEN_COOKIE = `__Host-${SESSION_TOKEN_COOKIE}`;
/** What an unknown route answers: the deployment lacks the feature, not the resource. */
export const ROUTE_NOT_FOUND_MESSAGE = "Route not found.";

/** Coder's `codersdk.Organization`, as `GET /organizations` lists them. */
export interface Organization {
  id: string;
  name: string;
  display_name: string;
  description: string;
  icon: string;
  created_at: string;
  updated_at: string;
  is_default: boolean;
}
