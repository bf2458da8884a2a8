import type { FC } from "react";
import { useRouteError } from "react-router";
import { ErrorAlert } from "../components/ErrorAlert";

export const RouteError: FC = () => {
  const error = useRouteError();
  return (
    <div className="page">
      <ErrorAlert title="Something went wrong loading this page." error={error} onRetry={() => window.location.reload()} />
    </div>
  );
};
