import type { FC } from "react";
import { useRouteError } from "react-router";
import { httpStatus } from "../api/errors";
import { ErrorAlert } from "../components/ErrorAlert";

export const RouteError: FC = () => {
  const error = useRouteError();
  // 502: this app's server answered, the deployment behind CODER_URL did not (or not as Coder).
  const title = httpStatus(error) === 502 ? "Cannot connect to the Coder deployment." : "Something went wrong loading this page.";
  return (
    <div className="page">
      <ErrorAlert title={title} error={error} onRetry={() => window.location.reload()} />
    </div>
  );
};
