import { readdirSync } from "node:fs";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import i18next from "eslint-plugin-i18next";
import { BROWSER_SAFE_LIB, SERVER_PACKAGES } from "./lib/browser-safe.mjs";

/** Client code may import only the browser-safe part of lib/ (see lib/browser-safe.mjs). */
const clientImports = {
  patterns: [
    {
      regex: `^@/lib/(?!(?:${BROWSER_SAFE_LIB.join("|")})(?:/|$))`,
      message: "Client code may import only browser-safe lib/ modules (lib/browser-safe.mjs).",
    },
    { group: SERVER_PACKAGES, message: "A server-only package in client code." },
  ],
};

/**
 * What each folder of components/ may import from the others: ui/ only itself, the studio
 * kit ui/, the shell ui/ and studio/, and every feature folder (generate, edit, video,
 * gallery, …) ui/, studio/ and itself, never another feature. Here for `@/components/…`
 * imports as they are typed; tests/architecture/feature-folders.test.ts checks every import.
 */
const LAYERS = { ui: ["ui"], studio: ["ui", "studio"], shell: ["ui", "studio", "shell"] };
const componentLayers = readdirSync(new URL("./components", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map(({ name }) => {
    const allowed = LAYERS[name] ?? ["ui", "studio", name];
    return {
      files: [`components/${name}/**/*.{ts,tsx}`],
      ignores: ["**/*.test.ts", "**/*.test.tsx"],
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              ...clientImports.patterns,
              {
                regex: `^@/components/(?!(?:${allowed.join("|")})(?:/|$))`,
                message: `components/${name} may import only ${allowed.map((f) => `components/${f}`).join(", ")} (feature folders import the kit, never each other).`,
              },
            ],
          },
        ],
      },
    };
  });

/**
 * Folders whose visible text comes only from the message catalogs (messages/*.json): a
 * literal string in their JSX text or in a user-facing attribute (aria-label, title,
 * placeholder, label, …) fails lint. The list grows as folders are converted; the goal is
 * all of app/ and components/.
 */
const I18N_CONVERTED = [
  // Every page and component: a literal user-facing string anywhere fails the lint (the
  // catalogs in messages/ are the only place copy lives).
  "app/**/*.tsx",
  "components/**/*.{ts,tsx}",
];

/** Attributes that are code, not copy (i18next's defaults plus the studio's own props). */
const NON_COPY_ATTRIBUTES = [
  "className", "styleName", "style", "type", "key", "id", "width", "height", "href", "src", "rel", "target", "name", "value",
  "autoComplete", "inputMode", "lang", "role", "method", "encType", "accept", "htmlFor", "form", "align", "side", "sizes",
  "variant", "tone", "size", "layout", "variantName", "mode", "as", "kind", "target", "preload", "loading", "decoding",
  "data-testid", "data-state", "aria-hidden", "aria-live", "aria-haspopup", "aria-current", "aria-controls", "aria-labelledby",
  "aria-describedby", "aria-invalid", "aria-expanded", "aria-sort", "aria-orientation", "aria-modal", "aria-busy", "aria-atomic",
  "aria-relevant", "viewBox", "fill", "stroke", "strokeWidth", "d", "points", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r",
  "textAnchor", "dominantBaseline", "transform", "labelledBy", "describedBy", "dateTime", "crossOrigin", "referrerPolicy",
  "download", "capture", "pattern", "min", "max", "step", "enterKeyHint", "spellCheck", "dir", "scope", "headers", "colSpan",
  "rowSpan", "wrap", "autoCapitalize", "autoCorrect", "translate", "nonce", "position", "theme", "orientation", "sideOffset", "frame",
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Everything under components/ runs in the browser or may be imported by code that does;
    // app/'s client files follow the page-client / *-form / providers naming.
    files: ["components/**/*.{ts,tsx}", "app/**/page-client.tsx", "app/**/*-form.tsx", "app/providers.tsx"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-restricted-imports": ["error", clientImports] },
  },
  // Later blocks win for the same rule, so each repeats the client-import patterns.
  ...componentLayers,
  {
    files: I18N_CONVERTED,
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": { exclude: NON_COPY_ATTRIBUTES },
          "object-properties": { exclude: [...NON_COPY_ATTRIBUTES, "[A-Z_-]+", "callbackUrl", "content-type", "accept", "headers", "queryKey", "body", "cache", "credentials", "redirect", "behavior", "block", "inline", "timeZone", "hour", "minute", "day", "month", "year", "weekday", "dateStyle", "timeStyle", "style", "unit", "unitDisplay", "currency", "notation", "hourCycle", "signal", "op"] },
          // Translators (t, tShell, …), catalog lookups and code-only calls take keys and codes, not copy.
          callees: { exclude: ["t", "t\\.rich", "t\\.markup", "t[A-Z]\\w*", "tl", "i18n(ext)?", "require", "addEventListener", "removeEventListener", "dispatchEvent", "postMessage", "getElementById", "querySelector(All)?", "closest", "includes", "indexOf", "endsWith", "startsWith", "fetch", "apiFetch", "signIn", "signOut", "push", "replace", "get", "set", "has", "delete", "append", "getAll", "useTranslations", "getTranslations", "URL", "URLSearchParams", "Event", "CustomEvent", "Error", "matchMedia", "setAttribute", "getAttribute", "removeAttribute", "toggle", "add", "remove", "contains", "split", "join", "padStart", "toLocaleString", "toLocaleDateString", "toLocaleTimeString", "Intl\\.\\w+", "clsx", "cn", "encodeURIComponent", "invalidateQueries", "setQueryData", "getQueryData", "cancelQueries", "keys\\.\\w+", "focus", "scrollIntoView", "useState", "useRef", "useMemo", "useCallback", "useSearchParams", "usePathname", "useRouter", "params\\.\\w+", "searchParams\\.\\w+", "storage\\.\\w+", "localStorage\\.\\w+", "sessionStorage\\.\\w+", "console\\.\\w+", "matchKnownMessage", "parseLocale", "text", "errorText", "sideField"] },
          // Brand, typography and units no language translates.
          words: { exclude: ["[0-9!-/:-@[-`{-~\\s·…×→←↑↓⌘—–]+", "Pixapi Studio", "Pixapi", "API", "[A-Z][A-Z0-9_]+"] },
        },
      ],
    },
  },
  {
    // The jsx-only rule above does not see hooks' toasts: a literal (or template) as a toast's
    // first argument is copy that skipped the catalogs.
    files: ["components/**/*.{ts,tsx}", "app/**/*.tsx"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='toast'] > :matches(Literal, TemplateLiteral).arguments:first-child", message: "Toast text comes from the catalogs (t(...))." },
        { selector: "CallExpression[callee.object.name='toast'] > :matches(Literal, TemplateLiteral).arguments:first-child", message: "Toast text comes from the catalogs (t(...))." },
      ],
    },
  },
  {
    // Playwright fixtures call `use(...)`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    ignores: ["node_modules/**", ".next/**", ".next-*/**", "data/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
