import { lazy, Suspense, type FC } from "react";
import { Skeleton } from "../ui/Skeleton";
import type { SpendTrendProps } from "./SpendTrend";

// The trend, its queries and Papa Parse load only with a screen that shows it.
const SpendTrend = lazy(() => import("./SpendTrend"));

/** Spend by day, loaded on demand; the page around it does not wait for its code. */
export const LazySpendTrend: FC<SpendTrendProps> = (props) => (
  <Suspense fallback={<Skeleton width="100%" height="10rem" />}>
    <SpendTrend {...props} />
  </Suspense>
);
