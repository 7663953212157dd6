import { readdirSync } from "node:fs";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
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
    // Playwright fixtures call `use(...)`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    ignores: ["node_modules/**", ".next/**", ".next-*/**", "data/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
