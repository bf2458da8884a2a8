import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FC, type FormEvent } from "react";
import { getErrorDetail, getErrorMessage } from "../../api/errors";
import { login } from "../../api/queries/users";

/** Email and password, for deployments with password sign-in on. */
export const PasswordSignIn: FC<{ onSignedIn: () => void }> = ({ onSignedIn }) => {
  const queryClient = useQueryClient();
  const loginMutation = useMutation(login(queryClient));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (loginMutation.isPending) return;
    loginMutation.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
  };

  return (
    <form className="login-form" onSubmit={onSubmit}>
      <label htmlFor="login-email" className="field-label">
        Email
      </label>
      <input
        id="login-email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <label htmlFor="login-password" className="field-label">
        Password
      </label>
      <input
        id="login-password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {loginMutation.error && (
        <p className="field-error" role="alert">
          {getErrorMessage(loginMutation.error, "Sign-in failed.")} {getErrorDetail(loginMutation.error)}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={loginMutation.isPending}>
        {loginMutation.isPending ? "Signing in…" : "Sign In"}
      </button>
    </form>
  );
};
