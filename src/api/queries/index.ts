// Every query option factory and prefetch, for the route table's first
// requests and the pages' loaders (src/app/routeTable.ts names them through
// this module's type only, so main.ts loads none of it).
export * from "./aiFeature";
export * from "./aiSpend";
export * from "./authCheck";
export * from "./deployment";
export * from "./entitlements";
export * from "./groups";
export * from "./users";
export * from "./organizations";
export * from "./spendWire";
