/** The demo world: a data-platform vendor ("Lumen Data") selling to a believable spread of companies. */

export const DEMO_PASSWORD = "winnow-demo";

export const DEMO_ORGS = [
  { id: "seed_org_lumen", name: "Lumen Data", slug: "lumen" },
  { id: "seed_org_northwind", name: "Northwind Traders", slug: "northwind" },
] as const;

export const DEMO_USERS = [
  { id: "seed_user_admin", org: "seed_org_lumen", email: "admin@lumen.demo", name: "Ada Admin", role: "admin" },
  { id: "seed_user_manager", org: "seed_org_lumen", email: "manager@lumen.demo", name: "Morgan Lee", role: "manager" },
  { id: "seed_user_rep", org: "seed_org_lumen", email: "rep@lumen.demo", name: "Riley Chen", role: "rep" },
  { id: "seed_user_rep2", org: "seed_org_lumen", email: "rep2@lumen.demo", name: "Sam Ortiz", role: "rep" },
  { id: "seed_user_marketing", org: "seed_org_lumen", email: "marketing@lumen.demo", name: "Maya Patel", role: "marketing" },
  { id: "seed_user_nw_admin", org: "seed_org_northwind", email: "admin@northwind.demo", name: "Nils Ward", role: "admin" },
  { id: "seed_user_nw_rep", org: "seed_org_northwind", email: "rep@northwind.demo", name: "Noah Wright", role: "rep" },
  { id: "seed_user_nw_manager", org: "seed_org_northwind", email: "manager@northwind.demo", name: "Nina Walsh", role: "manager" },
] as const;

/** name, domain, industry, employees, country, region, funding stage */
export const DEMO_ACCOUNTS: ReadonlyArray<readonly [string, string, string, number, string, string, string]> = [
  ["Brightwave Health", "brightwave.health", "Healthcare", 1200, "United States", "North America", "Series C"],
  ["Corvid Logistics", "corvid-logistics.com", "Logistics", 3400, "Germany", "EMEA", "Growth"],
  ["Fernhill Bank", "fernhillbank.co.uk", "Fintech", 8500, "United Kingdom", "EMEA", "Public"],
  ["Quantia", "quantia.io", "SaaS", 240, "United States", "North America", "Series B"],
  ["Halcyon Retail", "halcyonretail.com", "Retail", 15000, "United States", "North America", "Public"],
  ["Kestrel Robotics", "kestrel-robotics.com", "Manufacturing", 650, "Japan", "APAC", "Series B"],
  ["Lattice Learning", "latticelearning.org", "Education", 90, "Canada", "North America", "Seed"],
  ["Meridian Energy", "meridian-energy.com", "Energy", 5200, "Australia", "APAC", "Public"],
  ["Northstar Payments", "northstarpay.com", "Fintech", 410, "United States", "North America", "Series B"],
  ["Orchid Media", "orchidmedia.tv", "Media", 300, "France", "EMEA", "Series A"],
  ["Pinecrest Clinics", "pinecrestclinics.com", "Healthcare", 2100, "United States", "North America", "Growth"],
  ["Quill & Ledger", "quillledger.com", "SaaS", 55, "Ireland", "EMEA", "Seed"],
  ["Redwood Freight", "redwoodfreight.com", "Logistics", 780, "Mexico", "LATAM", "Series A"],
  ["Solstice Analytics", "solstice-analytics.com", "SaaS", 520, "United States", "North America", "Series C"],
  ["Tidewater Foods", "tidewaterfoods.com", "Retail", 2600, "Brazil", "LATAM", "Growth"],
  ["Umbra Security", "umbrasec.io", "SaaS", 180, "Israel", "EMEA", "Series A"],
  ["Vantage Insurance", "vantage-ins.com", "Fintech", 4300, "United States", "North America", "Public"],
  ["Willow Pharma", "willowpharma.com", "Healthcare", 950, "Switzerland", "EMEA", "Series C"],
  ["Xeno Motors", "xenomotors.com", "Manufacturing", 12000, "Germany", "EMEA", "Public"],
  ["Yarrow Apparel", "yarrowapparel.com", "Retail", 140, "United States", "North America", "Bootstrapped"],
  ["Zephyr Cloud", "zephyrcloud.dev", "SaaS", 860, "Singapore", "APAC", "Series C"],
  ["Atlas Municipal", "atlas-city.gov", "Government", 7000, "United States", "North America", "Public"],
  ["Beacon Tutoring", "beacontutor.com", "Education", 35, "United Kingdom", "EMEA", "Pre-seed"],
  ["Cobalt Mining", "cobaltmining.com.au", "Energy", 2900, "Australia", "APAC", "Public"],
  ["Delta Streaming", "deltastream.tv", "Media", 1100, "United States", "North America", "Growth"],
  ["Ember Fintech", "emberfin.com", "Fintech", 130, "Netherlands", "EMEA", "Series A"],
  ["Foundry Works", "foundryworks.com", "Manufacturing", 430, "Canada", "North America", "Series B"],
  ["Granite Health Systems", "granitehs.com", "Healthcare", 6100, "United States", "North America", "Public"],
  ["Harbor Shipping", "harborshipping.sg", "Logistics", 1500, "Singapore", "APAC", "Growth"],
  ["Iris Commerce", "iriscommerce.com", "SaaS", 310, "Spain", "EMEA", "Series B"],
];

export const TECH = [
  "Snowflake",
  "Salesforce",
  "AWS",
  "GCP",
  "Azure",
  "dbt",
  "Kafka",
  "Postgres",
  "Oracle",
  "SAP",
  "HubSpot",
  "Databricks",
  "Tableau",
  "Looker",
] as const;
export const HIRING = ["Hiring data engineers", "Hiring a Head of Data", "Hiring RevOps", "Expanding analytics team", "New CTO"] as const;

export const FIRST_NAMES = [
  "Alex",
  "Jordan",
  "Priya",
  "Diego",
  "Hannah",
  "Kenji",
  "Fatima",
  "Lucas",
  "Olivia",
  "Mateo",
  "Grace",
  "Omar",
  "Chloe",
  "Ravi",
  "Elena",
  "Marcus",
  "Sofia",
  "Tom",
  "Aisha",
  "Ben",
] as const;
export const LAST_NAMES = [
  "Nguyen",
  "Smith",
  "Garcia",
  "Müller",
  "Okafor",
  "Tanaka",
  "Rossi",
  "Kowalski",
  "Haddad",
  "Johansson",
  "Silva",
  "Brown",
  "Dubois",
  "Khan",
  "Park",
] as const;
export const TITLES = [
  "CFO",
  "VP Engineering",
  "Head of Data",
  "Director of Analytics",
  "CTO",
  "Data Engineer",
  "Procurement Manager",
  "COO",
  "VP Finance",
  "Analytics Lead",
] as const;

export const DEAL_KINDS = [
  "Analytics platform",
  "Data warehouse migration",
  "Self-serve BI rollout",
  "Realtime pipeline",
  "Data governance",
  "Expansion",
] as const;

export const NOTE_SNIPPETS = [
  "Discovery call: their month-end close takes 9 days because finance reconciles three systems by hand.",
  "They want dashboards the board can trust; current reports disagree with each other.",
  "Budget for next fiscal year is being set in the next six weeks.",
  "Met the Head of Data, who is frustrated with the current vendor's support.",
  "Competitor is in the deal; they are cheaper but lack governance features.",
  "Security review required before any contract; they sent the questionnaire.",
  "Champion offered to introduce us to the CFO next week.",
  "Pilot scope agreed: two teams, 30 days, success = refresh under 5 minutes.",
  "They mentioned a hiring freeze until Q3; project may slip.",
  "Procurement needs three quotes and a signed DPA.",
] as const;
