import { useQuery } from "@tanstack/react-query";
import type { FC } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { authMethods, buildInfo } from "../../api/queries/deployment";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";
import { PasswordSignIn } from "./PasswordSignIn";
import { signInOptions } from "./signInOptions";
import { SingleSignOn } from "./SingleSignOn";
import { SectionDescription } from "../../components/ui/Section";

/**
 * Only a path on this site may be a redirect target, never another origin:
 * browsers read "//host" and "/\\host" alike as another host, so neither a
 * second slash nor any backslash or control character is let through.
 */
export const safeRedirect = (target: string | null): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
  target && /^\/(?![/\\])/.test(target) && !/[\\\u0000-\u001f]/.test(target) ? target : "/";

/** Offers the ways in that the deployment has on (GET /users/authmethods). */
const LoginPage: FC = () => {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const returnTo = safeRedirect(searchParams.get("redirect"));
  const methodsQuery = useQuery(authMethods());
  const infoQuery = useQuery(buildInfo());
  const onSignedIn = () => void navigate(returnTo, { replace: true });

  if (methodsQuery.error) {
    return (
      <main className="flex justify-center px-4 py-16">
        <div className="flex w-[24rem] max-w-full flex-col gap-2 rounded-[8px] border border-border-default bg-surface-secondary p-6">
          <h1>Sign in</h1>
          <ErrorAlert
            title="Could not load the sign-in options."
            error={methodsQuery.error}
            onRetry={() => void methodsQuery.refetch()}
          />
        </div>
      </main>
    );
  }
  if (!methodsQuery.data || infoQuery.isPending) {
    return <Spinner label="Loading sign-in options" />;
  }
  const options = signInOptions(methodsQuery.data, infoQuery.data?.external_url, window.location.origin, returnTo);

  return (
    <main className="flex justify-center px-4 py-16">
      <div className="flex w-[24rem] max-w-full flex-col gap-2 rounded-[8px] border border-border-default bg-surface-secondary p-6">
        <h1 id="login-heading">Sign in</h1>
        {options.deploymentUrl && <SectionDescription>to {options.deploymentUrl}</SectionDescription>}
        {options.password && <PasswordSignIn onSignedIn={onSignedIn} />}
        <SingleSignOn options={options} onSignedIn={onSignedIn} />
        {options.termsOfServiceUrl && (
          <SectionDescription>
            By signing in you accept the{" "}
            <a href={options.termsOfServiceUrl} target="_blank" rel="noreferrer">
              terms of service
            </a>
            .
          </SectionDescription>
        )}
      </div>
    </main>
  );
};

export default LoginPage;
