import type { FC } from "react";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { httpStatus } from "../api/errors";
import { ErrorAlert } from "../components/ErrorAlert";
import { Page } from "../components/ui/Page";
import { NotFoundView } from "../pages/NotFoundPage/NotFoundView";

export const RouteError: FC = () => {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : httpStatus(error);
  // Nothing to retry: what is not there will not be there on a reload.
  if (status === 404) {
    return (
      <NotFoundView
        title="Not found"
        description="What this page shows does not exist, or you may not see it."
        backTo="/"
        backLabel="Back to the start"
      />
    );
  }
  // 502: this app's server answered, the deployment behind CODER_URL did not (or not as Coder).
  const title = status === 502 ? "Cannot connect to the Coder deployment." : "Something went wrong loading this page.";
  return (
    <Page>
      <ErrorAlert title={title} error={error} onRetry={() => window.location.reload()} />
    </Page>
  );
};
