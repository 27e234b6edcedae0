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
const WGI_URL = "https://www.worldbank.org/en/publication/worldwide-governance-indicators";
export const WGI_FILE = "wb/WGIData.csv";
export const LISTS_FILE = "policy/critical-lists.csv";
export const CONTROLS_FILE = "policy/china-export-controls.csv";
// The three list editions read one file; each records its checksum.
const LISTS_RELEASED = { [LISTS_FILE]: "427070a1cc9232fb121600ff079d582a24fa33add1fb2b4d6c66dc1f1ad4cdf5" };

/**
 * Rule wgi-bundled-years: the years of the WGI the package bundles, estimates and standard errors of
 * every economy and dimension. All 24 years would add ~420 KB gzip to the add-in, whose budget is
 * 250 KB in all; the five newest cover the supply data's years (2022 onwards use the newest, 2022).
 */
export const WGI_BUNDLED_YEARS: readonly number[] = Object.freeze([2018, 2019, 2020, 2021, 2022]);
const WGI_BUNDLED_YEARS_TEXT = `${WGI_BUNDLED_YEARS[0]}–${WGI_BUNDLED_YEARS.at(-1)}`;

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
  {
    id: "wb-wgi-2023",
    title: `Worldwide Governance Indicators, 2023 update (data 1996–2022; the package bundles ${WGI_BUNDLED_YEARS_TEXT})`,
    publisher: "World Bank",
    // The file states no release day. The World Bank updates the WGI each September and this is the
    // 2023 update (data to 2022), so the month is September 2023; the copy read was uploaded to its
    // mirror on 2023-12-04 (sources/README.md).
    date: "2023-09",
    url: WGI_URL,
    licence: "CC BY 4.0",
    citation:
      `Kaufmann, D. and A. Kraay (2023), Worldwide Governance Indicators, 2023 Update, ${WGI_URL}, Licence: CC BY 4.0 ` +
      "(DataBank bulk CSV WGIData.csv, copied byte for byte from the GitHub mirror Iannehuenlabat/Data, " +
      "commit 964c9f4b2ef5a577b22aef4bf596ea1461eb262d, not downloaded from the World Bank directly; " +
      `estimates and standard errors of ${WGI_BUNDLED_YEARS_TEXT} bundled, rule wgi-bundled-years)`,
    files: [WGI_FILE],
    released: { [WGI_FILE]: "0fe44bbad03d5f775cdb7239d9ac1e0f170fb196dd5dfc3d931e6cf8a2e9221f" },
  },
  {
    id: "us-cml-2022",
    title:
      "2022 Final List of Critical Minerals (Federal Register document 2022-04027, 87 FR 10381–10382), transcribed",
    publisher: "U.S. Department of the Interior, U.S. Geological Survey",
    date: "2022-02-24",
    url: "https://www.federalregister.gov/d/2022-04027",
    licence: "Public domain (U.S. Government work)",
    citation:
      "U.S. Geological Survey (2022), 2022 Final List of Critical Minerals, 87 FR 10381–10382, Federal Register document 2022-04027, 2022-02-24 " +
      `(the 50 names as transcribed in ${LISTS_FILE} from the USGS page "What is a critical mineral?" and the IEA policy database)`,
    files: [LISTS_FILE],
    released: LISTS_RELEASED,
  },
  {
    id: "us-cml-2025",
    title: "Final 2025 List of Critical Minerals (Federal Register document 2025-19813), transcribed",
    publisher: "U.S. Department of the Interior, U.S. Geological Survey",
    date: "2025-11-07",
    url: "https://www.federalregister.gov/d/2025-19813",
    licence: "Public domain (U.S. Government work)",
    citation:
      "U.S. Geological Survey (2025), Final 2025 List of Critical Minerals, Federal Register document 2025-19813, 2025-11-07 " +
      `(the 60 names as transcribed in ${LISTS_FILE} from the USGS page "What is a critical mineral?", checked against two reports of the Federal Register text)`,
    files: [LISTS_FILE],
    released: LISTS_RELEASED,
  },
  {
    id: "eu-crma-2024",
    title:
      "Regulation (EU) 2024/1252 (Critical Raw Materials Act), Annex I Section 1 (strategic) and Annex II Section 1 (critical raw materials), transcribed",
    publisher: "European Parliament and Council of the European Union",
    date: "2024-05-03",
    url: "https://eur-lex.europa.eu/eli/reg/2024/1252/oj",
    licence: "© European Union; reuse authorised with acknowledgement of the source",
    citation:
      "Regulation (EU) 2024/1252 of the European Parliament and of the Council of 11 April 2024 establishing a framework for ensuring a secure and sustainable supply of critical raw materials, OJ L, 2024/1252, 3.5.2024 " +
      `(Annexes I and II, Section 1, as transcribed in ${LISTS_FILE} from the German text reproduced by gesetze.legal; English wording of Annex I from nicola-bernard.de)`,
    files: [LISTS_FILE],
    released: LISTS_RELEASED,
  },
  {
    id: "cn-export-controls-2026-01",
    title:
      "China's export controls on critical minerals and related items, July 2023 – January 2026 (a transcription of 16 measures, as known on 2026-01-06)",
    publisher:
      "Ministry of Commerce of the People's Republic of China (MOFCOM), with the General Administration of Customs",
    // The knowledge date: the newest notice in the file (MOFCOM 2026 No. 1, 2026-01-06).
    date: "2026-01-06",
    url: "https://english.mofcom.gov.cn/",
    licence: "Facts of public government notices, transcribed (no prose copied)",
    citation:
      "MOFCOM and GAC export-control announcements 2023 No. 23 to 2026 No. 1, as transcribed by hand in " +
      `${CONTROLS_FILE} from news agencies, law firms and trade-news reports (two sources per measure where found; single-source facts named in each row's note). ` +
      "No official MOFCOM page was opened: this is a transcription, not the notices' text",
    files: [CONTROLS_FILE],
    released: { [CONTROLS_FILE]: "4221f0642868112d94f8c5951340a5736c6c1896dc63705e188ee985c1e581a6" },
  },
];
