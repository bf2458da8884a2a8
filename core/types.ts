// Wire types of Coder's HTTP API that this module speaks. The axios client,
// the MSW handlers and the embedded server all import them from here, so the
// three cannot drift apart. Declarations only, kept by subject in core/wire/.
export * from "./wire/account";
export * from "./wire/aiBudgets";
export * from "./wire/groups";
