/** Types for lib/browser-safe.mjs (plain JS so eslint.config.mjs can import it). */
export declare const BROWSER_SAFE_LIB: readonly string[];
export declare const SERVER_PACKAGES: readonly string[];
