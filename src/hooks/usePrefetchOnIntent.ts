import { createContext, useContext } from "react";

/** Starts loading the page at an app URL (its code and data); the app provides it (App.tsx). */
export const PrefetchContext = createContext<(url: string) => void>(() => {});

/** Props for a link to `url`: hovering, focusing or touching it starts loading what it leads to. */
export function usePrefetchOnIntent(): (url: string) => {
  onMouseEnter: () => void;
  onFocus: () => void;
  onTouchStart: () => void;
} {
  const prefetch = useContext(PrefetchContext);
  return (url) => {
    const start = () => prefetch(url);
    return { onMouseEnter: start, onFocus: start, onTouchStart: start };
  };
}
