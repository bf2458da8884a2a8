// The time the app shows forecasts at, given from outside: real time unless
// the one rendering the app (a story, a test) provides another clock.
import { createContext, useContext } from "react";

/** The current time. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Provide it above the app to draw forecasts at another time (stories do, at fixed dates). */
export const ClockContext = createContext<Clock>(systemClock);

/** The clock forecasts are drawn with. */
export const useClock = (): Clock => useContext(ClockContext);
