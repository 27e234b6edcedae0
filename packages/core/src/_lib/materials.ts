// What supply and demand rows measure, so that only like is divided by like.
import type { MineralId } from "../data/index.ts";

// The material each IEA basis label measures. Supply and demand figures are only divided when they
// measure the same material: IEA graphite supply is natural (mining) or battery-grade (refining)
// graphite, its total demand is all grades, so they are not comparable.
const MATERIAL_OF_BASIS: Readonly<Record<string, string>> = {
  cobalt: "cobalt",
  "cobalt, mined": "cobalt",
  "cobalt, refined": "cobalt",
  copper: "copper",
  "copper, mined": "copper",
  "copper, refined": "copper",
  nickel: "nickel",
  "nickel, mined": "nickel",
  "nickel, refined": "nickel",
  "lithium (Li) content, not carbonate equivalent": "lithium (Li content)",
  "lithium (Li) content, mined": "lithium (Li content)",
  "lithium chemicals, Li content": "lithium (Li content)",
  "magnet rare earths (Nd, Pr, Dy, Tb)": "magnet rare earths",
  "graphite, all grades (natural and synthetic)": "graphite, all grades",
  "natural graphite": "natural graphite",
  "battery-grade graphite (natural and synthetic)": "battery-grade graphite",
  "battery-grade graphite": "battery-grade graphite",
};

/** The material a basis label measures, or `undefined` for a label this table does not know. */
export function materialOf(basis: string): string | undefined {
  return MATERIAL_OF_BASIS[basis];
}

/**
 * Technology-table elements that IEA supply reports only together, as one block: the supply block
 * `rare-earths` is exactly the four magnet rare earths (Nd, Pr, Dy, Tb), so their demand is summed
 * and weighed against that block.
 */
export const SUPPLY_MINERAL_OF: Readonly<Record<string, MineralId>> = {
  neodymium: "rare-earths",
  praseodymium: "rare-earths",
  dysprosium: "rare-earths",
  terbium: "rare-earths",
};
