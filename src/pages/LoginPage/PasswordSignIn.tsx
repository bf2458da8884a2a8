import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FieldMetaProps, Form, Formik } from "formik";
import type { FC } from "react";
import * as Yup from "yup";
import { getErrorDetail, getErrorMessage } from "../../api/errors";
import { login } from "../../api/queries/users";
import { Button } from "../../components/ui/Button";
import { FieldLabel, fieldErrorClassName } from "../../components/ui/TextField";
import { loginButtonClassName, loginFormClassName, loginInputClassName } from "./loginStyles";

interface SignInValues {
  email: string;
  password: string;
}

const signInSchema = Yup.object({
  email: Yup.string().trim().required("Enter your email."),
  password: Yup.string().required("Enter your password."),
});

/** A field's message once the admin has left it or pressed Sign In; tied to its input. */
const FieldError: FC<{ id: string; meta: FieldMetaProps<string> }> = ({ id, meta }) =>
  meta.touched && meta.error ? (
    <p id={id} className={fieldErrorClassName}>
      {meta.error}
    </p>
  ) : null;

/** Email and password, for deployments with password sign-in on. */
export const PasswordSignIn: FC<{ onSignedIn: () => void }> = ({ onSignedIn }) => {
  const queryClient = useQueryClient();
  const loginMutation = useMutation(login(queryClient));

  const onSubmit = ({ email, password }: SignInValues) => {
    if (loginMutation.isPending) return;
    loginMutation.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
  };

  return (
    <Formik<SignInValues>
      initialValues={{ email: "", password: "" }}
      validationSchema={signInSchema}
      onSubmit={onSubmit}
    >
      {({ getFieldProps, getFieldMeta }) => (
        <Form className={loginFormClassName}>
          <FieldLabel htmlFor="login-email">Email</FieldLabel>
          <input
            id="login-email"
            className={loginInputClassName}
            type="email"
            autoComplete="username"
            required
            aria-describedby={getFieldMeta("email").error ? "login-email-error" : undefined}
            {...getFieldProps("email")}
          />
          <FieldError id="login-email-error" meta={getFieldMeta<string>("email")} />
          <FieldLabel htmlFor="login-password">Password</FieldLabel>
          <input
            id="login-password"
            className={loginInputClassName}
            type="password"
            autoComplete="current-password"
            required
            aria-describedby={getFieldMeta("password").error ? "login-password-error" : undefined}
            {...getFieldProps("password")}
          />
          <FieldError id="login-password-error" meta={getFieldMeta<string>("password")} />
          {loginMutation.error && (
            <p className={fieldErrorClassName} role="alert">
              {getErrorMessage(loginMutation.error, "Sign-in failed.")} {getErrorDetail(loginMutation.error)}
            </p>
          )}
          <Button type="submit" variant="primary" className={loginButtonClassName} disabled={loginMutation.isPending}>
            {loginMutation.isPending ? "Signing in…" : "Sign In"}
          </Button>
        </Form>
      )}
    </Formik>
  );
};
