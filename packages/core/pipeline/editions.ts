// Bibliographic facts about each source edition. The checksums are computed from the files at
// build time; everything else here is citation metadata, not data.
import type { EditionId } from "../src/schema/rows.ts";

export interface EditionSource {
  readonly id: EditionId;
  readonly title: string;
  readonly publisher: string;
  /** Publication month, the order in which the default resolution prefers editions. */
  readonly date: string;
  readonly url: string;
  readonly licence: string;
  readonly citation: string;
  /** Paths under the data directory. */
  readonly files: readonly string[];
}

const IEA_URL = "https://www.iea.org/data-and-statistics/data-tools/critical-minerals-data-explorer";

export const EDITION_SOURCES: readonly EditionSource[] = [
  {
    id: "iea-cmde-2024",
    title: "Critical Minerals Data Explorer (May 2024, base year 2023)",
    publisher: "International Energy Agency (IEA)",
    date: "2024-05",
    url: IEA_URL,
    licence: "CC BY 4.0",
    citation: `IEA (2024), Critical Minerals Data Explorer, IEA, Paris ${IEA_URL}, Licence: CC BY 4.0`,
    files: ["iea/IEA_CM_Data_Explorer_2024-05.xlsx"],
  },
  {
    id: "iea-cmde-2025",
    title: "Critical Minerals Data Explorer (May 2025, base year 2024)",
    publisher: "International Energy Agency (IEA)",
    date: "2025-05",
    url: IEA_URL,
    licence: "CC BY 4.0",
    citation:
      `IEA (2025), Critical Minerals Data Explorer, IEA, Paris ${IEA_URL}, Licence: CC BY 4.0 ` +
      "(as converted to JSON in GitHub barrytho/uk-critical-minerals-dashboard, data/iea.json)",
    files: ["iea/IEA_CM_Data_Explorer_2025-05.parsed.json"],
  },
  {
    id: "usgs-mcs-2025",
    title: "Mineral Commodity Summaries 2025 data release",
    publisher: "U.S. Geological Survey (USGS)",
    date: "2025-01",
    url: "https://doi.org/10.5066/P13XCP3R",
    licence: "Public domain (U.S. Government work)",
    citation:
      "U.S. Geological Survey (2025), Mineral Commodity Summaries 2025 data release, U.S. Geological Survey data release, https://doi.org/10.5066/P13XCP3R",
    files: ["usgs/MCS2025_World_Data.csv", "usgs/MCS2025_Fig2_Net_Import_Reliance.csv"],
  },
  {
    id: "ec-crm-2023",
    title: "Study on the critical raw materials for the EU 2023",
    publisher: "European Commission",
    date: "2023-03",
    url: "https://data.europa.eu/doi/10.2873/725585",
    licence: "CC BY 4.0 (EC reuse policy: reproduction authorised with acknowledgement)",
    citation:
      "European Commission (2023), Study on the critical raw materials for the EU 2023 – Final report, Publications Office of the European Union, https://data.europa.eu/doi/10.2873/725585 " +
      "(Appendix 7 and Annex 4 via GitHub erikemilsson/EU-Critical-Raw-Materials-CRM-Reports-Datasets; results table as transcribed in GitHub meyerdata/CritMAT)",
    files: [
      "eu/ec-crm-2023-appendix7-global-supply-shares.csv",
      "eu/ec-crm-2023-appendix7-eu-sourcing-shares.csv",
      "eu/ec-crm-annex4-sr-ei-2011-2023.csv",
      "eu/ec-crm-2023-results.transcribed.csv",
    ],
  },
];
