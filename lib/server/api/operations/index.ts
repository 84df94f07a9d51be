import "server-only";
import type { Operation } from "../operation";
import { adminOperations } from "./admin";
import { crmOperations } from "./crm";
import { integrationOperations } from "./integrations";
import { leadOperations } from "./leads";
import { opportunityOperations } from "./opportunities";
import { qualificationOperations } from "./qualification";
import { viewOperations } from "./views";

/** Every endpoint of /api/v1: the router, the OpenAPI document and the twin test all read this one list. */
export const OPERATIONS: Operation[] = [
  ...crmOperations,
  ...leadOperations,
  ...opportunityOperations,
  ...qualificationOperations,
  ...adminOperations,
  ...integrationOperations,
  ...viewOperations,
];
