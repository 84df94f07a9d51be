/** Leads in the engine: scoring from intake answers, duplicate and routing rules, and when "not yet" comes back. */
export * from "./questions";
export * from "./score";
export * from "./dedupe";
export * from "./routing";
export * from "./nurture";
