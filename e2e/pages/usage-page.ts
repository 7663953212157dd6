import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

/** What a person sees and does on /usage. */
export class UsagePage {
  readonly budget: Locator;
  readonly ledgerRows: Locator;
  readonly exportCsv: Locator;
  readonly headerBudget: Locator;
  readonly chart: Locator;

  constructor(readonly page: Page) {
    this.budget = page.getByTestId("budget-card");
    // The ledger is a table on wide screens and a list on phones: count what is shown.
    this.ledgerRows = page.getByTestId("ledger-row").filter({ visible: true });
    this.exportCsv = page.getByRole("link", { name: "Export CSV" });
    this.headerBudget = page.getByTestId("header-budget");
    this.chart = page.getByRole("img", { name: /credits? spent from/ });
  }

  async goto(query = "") {
    await this.page.goto(`/usage${query}`);
    await expect(this.page.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
  }

  ledgerRow(text: string | RegExp): Locator {
    return this.ledgerRows.filter({ hasText: text });
  }
}

/**
 * Starts a generation through the API, as the signed-in page's browser would, and waits
 * until it has finished: quicker than the form when a test is about what comes after.
 */
export async function generateViaApi(request: APIRequestContext, body: Record<string, unknown>): Promise<string> {
  const res = await request.post("/api/generations", { data: { kind: "image", ...body } });
  expect(res.status(), await res.text()).toBe(202);
  const { generation } = (await res.json()) as { generation: { id: string } };
  await expect
    .poll(async () => ((await (await request.get(`/api/generations/${generation.id}`)).json()) as { generation: { status: string } }).generation.status, {
      timeout: 30_000,
    })
    .toBe("completed");
  return generation.id;
}
