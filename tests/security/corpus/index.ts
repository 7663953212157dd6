import type { RouteTable } from "../harness";
import { accountLocaleTable } from "./account-locale";
import { bulkDeleteTable, bulkFavoriteTable, bulkIdsTable, downloadsTable } from "./bulk";
import { adminPromoteTable, adminUsersTable, adminUserTable } from "./admin";
import { collectionByIdTable, collectionItemsTable, collectionsTable } from "./collections";
import { sharedMediaTable, sharePreviewTable, sharesTable, shareTable } from "./shares";
import { generationByIdTable } from "./generation-by-id";
import { generationsTable } from "./generations";
import { healthLiveTable } from "./health-live";
import { mediaTable, publicMediaTable } from "./media";
import { signUpTable } from "./sign-up";
import { tokenByIdTable, tokensTable } from "./tokens";
import { dailyTable, exportTable, healthTable, modelsTable, nextAuthTable, summaryTable, usageTable } from "./usage";
import { v1Tables } from "./v1";

/** Every route file's table. A new route adds its file under corpus/ and one line here. */
export const ROUTE_TABLES: RouteTable[] = [
  generationsTable,
  generationByIdTable,
  collectionsTable,
  collectionByIdTable,
  collectionItemsTable,
  downloadsTable,
  bulkFavoriteTable,
  bulkDeleteTable,
  bulkIdsTable,
  shareTable,
  sharesTable,
  sharedMediaTable,
  sharePreviewTable,
  mediaTable,
  publicMediaTable,
  adminUsersTable,
  adminUserTable,
  adminPromoteTable,
  signUpTable,
  usageTable,
  dailyTable,
  exportTable,
  summaryTable,
  modelsTable,
  healthTable,
  healthLiveTable,
  nextAuthTable,
  tokensTable,
  tokenByIdTable,
  ...v1Tables,
  accountLocaleTable,
];
