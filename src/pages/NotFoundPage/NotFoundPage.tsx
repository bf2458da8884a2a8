import type { FC } from "react";
import { NotFoundView } from "./NotFoundView";

/** An address the app has no page for. */
const NotFoundPage: FC = () => (
  <NotFoundView
    title="Page not found"
    description="There is no page at this address. It may have moved, or the link may be mistyped."
    backTo="/"
    backLabel="Back to the start"
  />
);

export default NotFoundPage;
