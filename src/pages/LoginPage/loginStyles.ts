// The sign-in card's pieces, shared by the password and the token forms.

/** One way of signing in; a second one under the first is set apart by a rule. */
export const loginFormClassName =
  "flex flex-col gap-2 [:is(form,a)+&]:mt-2 [:is(form,a)+&]:border-border-default [:is(form,a)+&]:border-t [:is(form,a)+&]:pt-4";

/** A bare input of the card, framed like the fields elsewhere. */
export const loginInputClassName =
  "min-w-0 flex-1 rounded-[6px] border border-border-default bg-surface-primary px-[0.65rem] py-[0.55rem]";

/** The card's buttons stand apart from the field above them. */
export const loginButtonClassName = "mt-3";
