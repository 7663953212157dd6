/**
 * The studio's catalog: models, aliases, capabilities, sizes, qualities, durations,
 * prices and file types. Pure data and pure functions, safe in the browser, on the server
 * and in the emulator; nothing here may import server-only code or node:*.
 */
export * from "./credits";
export * from "./durations";
export * from "./file-types";
export * from "./models";
export * from "./prices";
export * from "./qualities";
export * from "./sizes";
