import type pg from "pg";

/**
 * The minimal SQL for the content of each page, hand-written, run in the same benchmark as the pages: the floor
 * a page's time is compared with. Each reads what the page shows and nothing more.
 */
export function floorQueries(client: pg.Client, org: string): Record<string, () => Promise<unknown>> {
  const q = (sql: string, params: unknown[] = [org]) => client.query(sql, params);
  const open = `FROM "Opportunity" o JOIN "OpportunityAssessment" a ON a."opportunityId" = o.id WHERE o."organizationId" = $1 AND o.status = 'open'`;
  return {
    dashboard: async () => {
      await q(`SELECT o.stage, a.band, count(*), sum(o.amount), min(a.intent) ${open} GROUP BY 1, 2`);
      await q(`SELECT a.verdict, count(*) ${open} GROUP BY 1`);
      await q(`SELECT a."riskLevel", count(*) ${open} GROUP BY 1`);
      await q(`SELECT g, count(*) FROM (SELECT unnest(a.gaps) g ${open}) x GROUP BY g`);
      await q(`SELECT o.id, o.name, o.amount, a.result ${open} AND a."riskLevel" IS NOT NULL
               ORDER BY CASE a."riskLevel" WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, o.amount DESC, o.name, o.id LIMIT 20`);
      await q(`SELECT o.id, o.status, (SELECT intent FROM "ScoreSnapshot" s WHERE s."opportunityId" = o.id ORDER BY at DESC LIMIT 1)
               FROM "Opportunity" o WHERE o."organizationId" = $1 AND o.status IN ('won', 'lost') ORDER BY o."updatedAt" DESC LIMIT 5000`);
      await q(`SELECT * FROM "StageChange" WHERE "organizationId" = $1 ORDER BY at DESC LIMIT 15`);
    },
    board: async () => {
      await q(`SELECT stage, currency, count(*), sum(amount) FROM "Opportunity" WHERE "organizationId" = $1 GROUP BY status, stage, currency`);
      for (const stage of ["prospecting", "discovery", "solution", "proposal", "negotiation"]) {
        await q(
          `SELECT o.id, o.name, o.amount, a.fit, a.intent, a.verdict, a.result->'flags', a.result->'nextGate' ${open} AND o.stage = $2 ORDER BY o.amount DESC, o.id LIMIT 25`,
          [org, stage],
        );
      }
    },
    accounts: async () => {
      await q(
        `SELECT c.*, f.fit, f.verdict FROM "Account" c LEFT JOIN "AccountAssessment" f ON f."accountId" = c.id WHERE c."organizationId" = $1 ORDER BY c.name, c.id LIMIT 25`,
      );
      await q(`SELECT count(*) FROM "Account" WHERE "organizationId" = $1`);
    },
    opportunities: async () => {
      await q(`SELECT o.*, a.verdict, a.intent FROM "Opportunity" o LEFT JOIN "OpportunityAssessment" a ON a."opportunityId" = o.id
               WHERE o."organizationId" = $1 AND o.status = 'open' ORDER BY o."updatedAt" DESC, o.id LIMIT 25`);
      await q(`SELECT count(*) FROM "Opportunity" WHERE "organizationId" = $1 AND status = 'open'`);
    },
    shell: async () => {
      // The session check and the settings the form offers values from.
      await q(`SELECT u.*, g.* FROM "User" u JOIN "Organization" g ON g.id = u."organizationId" WHERE g.id = $1 LIMIT 1`);
      await q(`SELECT * FROM "IcpVersion" WHERE "organizationId" = $1 ORDER BY version DESC LIMIT 1`);
    },
    deal: async () => {
      const id = "b_opp_3";
      await q(`SELECT o.*, a.* FROM "Opportunity" o JOIN "Account" a ON a.id = o."accountId" WHERE o.id = $1`, [id]);
      await q(`SELECT * FROM "Evidence" WHERE "opportunityId" = $1`, [id]);
      await q(`SELECT * FROM "Stakeholder" WHERE "opportunityId" = $1`, [id]);
      await q(`SELECT * FROM "Note" WHERE "opportunityId" = $1 ORDER BY "createdAt" DESC`, [id]);
    },
  };
}
