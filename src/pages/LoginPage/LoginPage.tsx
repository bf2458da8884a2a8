import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FC, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { getErrorDetail, getErrorMessage } from "../../api/errors";
import { login } from "../../api/queries/users";

/** Only a path on this site may be a redirect target, never another origin. */
export const safeRedirect = (target: string | null): string =>
  target && target.startsWith("/") && !target.startsWith("//") ? target : "/";

const LoginPage: FC = () => {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const loginMutation = useMutation(login(queryClient));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (loginMutation.isPending) return;
    loginMutation.mutate(
      { email: email.trim(), password },
      { onSuccess: () => void navigate(safeRedirect(searchParams.get("redirect")), { replace: true }) },
    );
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={onSubmit} aria-labelledby="login-heading">
        <h1 id="login-heading">Sign in</h1>
        <label htmlFor="login-email" className="field-label">
          Email
        </label>
        <input id="login-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="login-password" className="field-label">
          Password
        </label>
        <input id="login-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {loginMutation.error && (
          <p className="field-error" role="alert">
            {getErrorMessage(loginMutation.error, "Sign-in failed.")} {getErrorDetail(loginMutation.error)}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={loginMutation.isPending}>
          {loginMutation.isPending ? "Signing in…" : "Sign In"}
        </button>
      </form>
    </main>
  );
};

export default LoginPage;
