/**
 * Copy-ready examples for the API tokens page, filled with the studio's own /v1 base URL.
 * Browser-safe (plain strings). The Node one is run for real by tests/contract/openai-sdk.test.ts,
 * so what the page shows is known to work.
 */
export const TOKEN_ENV = "PIXAPI_STUDIO_TOKEN";
export const EXAMPLE = { model: "gemini-2.5-flash-image", prompt: "A cinematic product photo of a ceramic coffee cup", size: "1024x1024" } as const;

export type SnippetLanguage = "curl" | "python" | "node";
export const SNIPPET_LANGUAGES: { id: SnippetLanguage; label: string }[] = [
  { id: "curl", label: "curl" },
  { id: "python", label: "Python (openai)" },
  { id: "node", label: "Node (openai)" },
];

export function snippet(language: SnippetLanguage, baseUrl: string): string {
  const { model, prompt, size } = EXAMPLE;
  switch (language) {
    case "curl":
      return [
        `curl ${baseUrl}/images/generations \\`,
        `  -H "Authorization: Bearer $${TOKEN_ENV}" \\`,
        `  -H "Content-Type: application/json" \\`,
        `  -d '{ "model": "${model}", "prompt": "${prompt}", "n": 1, "size": "${size}" }'`,
      ].join("\n");
    case "python":
      return [
        "import os",
        "from openai import OpenAI",
        "",
        `client = OpenAI(base_url="${baseUrl}", api_key=os.environ["${TOKEN_ENV}"])`,
        "",
        `result = client.images.generate(model="${model}", prompt="${prompt}", n=1, size="${size}")`,
        "print(result.data[0].url)",
      ].join("\n");
    case "node":
      return [
        `import OpenAI from "openai";`,
        "",
        `const client = new OpenAI({ baseURL: "${baseUrl}", apiKey: process.env.${TOKEN_ENV} });`,
        "",
        `const result = await client.images.generate({ model: "${model}", prompt: "${prompt}", n: 1, size: "${size}" });`,
        "console.log(result.data?.[0]?.url);",
      ].join("\n");
  }
}
