import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FC, type FormEvent } from "react";
import { getErrorDetail, getErrorMessage } from "../../api/errors";
import { signInWithSessionToken } from "../../api/queries/users";
import type { SignInOptions } from "./signInOptions";
import { Button, buttonClassName } from "../../components/ui/Button";
import { SectionDescription } from "../../components/ui/Section";
import { FieldLabel, fieldErrorClassName } from "../../components/ui/TextField";
import { loginButtonClassName, loginFormClassName, loginInputClassName } from "./loginStyles";

/**
 * The ways in besides a password: the deployment's SSO buttons where their
 * redirect can come back to this origin, and otherwise a session token from
 * the deployment's /cli-auth page, which works through any origin.
 */
export const SingleSignOn: FC<{ options: SignInOptions; onSignedIn: () => void }> = ({ options, onSignedIn }) => {
  const queryClient = useQueryClient();
  const tokenMutation = useMutation(signInWithSessionToken(queryClient));
  const [token, setToken] = useState("");
  const direct = options.singleSignOn.filter((provider) => provider.href);
  const elsewhere = options.singleSignOn.filter((provider) => !provider.href);
  const where = options.deploymentUrl ?? "your Coder deployment";

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (tokenMutation.isPending) return;
    tokenMutation.mutate(token.trim(), { onSuccess: onSignedIn });
  };

  return (
    <>
      {direct.map((provider) => (
        <a
          key={provider.name}
          className={buttonClassName("secondary", "medium", loginButtonClassName)}
          href={provider.href}
        >
          Sign in with {provider.name}
        </a>
      ))}
      {options.sessionToken && (
        <form className={loginFormClassName} onSubmit={onSubmit} aria-labelledby="token-heading">
          <h2 id="token-heading" className="m-0 text-[1rem]">
            Single sign-on (SSO)
          </h2>
          {elsewhere.length > 0 && (
            <SectionDescription>
              {elsewhere.map((p) => p.name).join(" and ")} sign-in returns to {where}, not to this app, so it cannot
              sign you in here. Sign in there and bring a session token instead.
            </SectionDescription>
          )}
          <ol className="m-0 pl-5 text-[0.875rem] wrap-anywhere">
            <li>
              Open{" "}
              {options.cliAuthUrl ? (
                <a href={options.cliAuthUrl} target="_blank" rel="noreferrer">
                  {options.cliAuthUrl}
                </a>
              ) : (
                "your deployment's /cli-auth page"
              )}{" "}
              and sign in there.
            </li>
            <li>Copy the session token it shows.</li>
            <li>Paste it here. This app keeps it in an HttpOnly cookie, as a password sign-in would.</li>
          </ol>
          <FieldLabel htmlFor="login-token">Session token</FieldLabel>
          <input
            id="login-token"
            className={loginInputClassName}
            type="password"
            autoComplete="off"
            spellCheck={false}
            required
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
          {tokenMutation.error && (
            <p className={fieldErrorClassName} role="alert">
              {getErrorMessage(tokenMutation.error, "Sign-in failed.")} {getErrorDetail(tokenMutation.error)}
            </p>
          )}
          <Button type="submit" variant="primary" className={loginButtonClassName} disabled={tokenMutation.isPending}>
            {tokenMutation.isPending ? "Signing in…" : "Sign in with token"}
          </Button>
        </form>
      )}
    </>
  );
};
