// Bibliographic facts about each source edition, and the checksums of a released edition's files.
// The dataset's checksums are computed from the files at build time and must equal these.
import type { Edition } from "../src/records.ts";

/** An edition's record before its files are read: their paths, and a released edition's checksums. */
export interface EditionSource extends Omit<Edition, "files"> {
  /** Paths under the data directory. */
  readonly files: readonly string[];
  /**
   * sha256 of each file as released, by path. A released edition's files never change (their
   * checksums are in every dataset published since, and test/hardening/editions.test.ts
   * fingerprints them), so the build refuses other bytes rather than record new checksums.
   */
  readonly released?: Readonly<Record<string, string>>;
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
    released: {
      "iea/IEA_CM_Data_Explorer_2024-05.xlsx": "f858a9acb5fe3838b90e746eca84c2b32ce4837a90f913d7d1f803f3f1779c27",
    },
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
    released: {
      "iea/IEA_CM_Data_Explorer_2025-05.parsed.json":
        "110a2fff8406a2a3a6dcacf0153ed3f025d2ef17e4db0ac24a1e49c614fc8100",
    },
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
    released: {
      "usgs/MCS2025_World_Data.csv": "79775115b4b8cf31ec345c1771753901c5ddd08e48773b49ca4a6df9f5d59bff",
      "usgs/MCS2025_Fig2_Net_Import_Reliance.csv": "a362ec71b5edae50aac866399915191b953c8c9bb553eda2595aac6f38844749",
    },
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
    released: {
      "eu/ec-crm-2023-appendix7-global-supply-shares.csv":
        "7d06ae6b154933f53882c40f0c8af68d54c8c5e24a5121ed286eaf9208144fc8",
      "eu/ec-crm-2023-appendix7-eu-sourcing-shares.csv":
        "b0c89120d99204ba85c74b151d6136acfea89bdce8629ef0b4dc66c67061e9b7",
      "eu/ec-crm-annex4-sr-ei-2011-2023.csv": "7dbcb284a429647effa3a4a737474f0c655c14b4eaecf79f22326ef0a02d774a",
      "eu/ec-crm-2023-results.transcribed.csv": "e0e69f828238c5d441971f20ee547c5743600c73888b3fa155ad5ca0ab43af8f",
    },
  },
];
