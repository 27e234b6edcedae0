import type { ProvenanceQuery } from "../options.ts";
import { provenance } from "./provenance.ts";

/**
 * A citation for one supply figure: the edition's citation and the figure's locator.
 *
 * @returns the citation, or `undefined` when no edition has the figure
 * @example
 * cite({ mineral: "cobalt", year: 2023, source: "iea-cmde-2024" })?.startsWith("IEA (2024), Critical Minerals Data Explorer")
 * //=> true
 */
export function cite(query: ProvenanceQuery | (string & {})): string | undefined {
  const p = provenance(query);
  if (!p.found || !p.citation) return undefined;
  const when =
    p.kind === "projection"
      ? `${p.year} (${p.case})`
      : p.kind === "period-average"
        ? `${p.year} (period average)`
        : `${p.year}`;
  return `${p.citation}. ${p.mineral} ${p.stage}, ${p.country}, ${when}: ${p.locator}`;
}
