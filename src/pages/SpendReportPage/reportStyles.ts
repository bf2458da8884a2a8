// The report's filter rows, shared by the period, the filters and the user spend filters.
import { cx } from "../../components/ui/cx";
import { selectClassName } from "../../components/ui/TextField";

/** A row of labelled controls that wraps, their bottoms lined up with the button. */
export const reportFormClassName = "mx-0 mt-0 mb-4 flex flex-wrap items-end gap-3";

/** A boxed row of filters. */
export const reportFiltersClassName = cx(reportFormClassName, "rounded-[8px] border border-border-default p-3");

/** A control under its label. */
export const reportFieldClassName = "flex flex-col gap-1 font-semibold";

/** The control itself: the fields' frame, in ordinary weight under the bold label. */
export const reportInputClassName = cx(selectClassName, "font-normal");
