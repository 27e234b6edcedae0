// Policy pages generated from the bundled dataset (issue 15): the official critical lists with
// their item → mineral mapping, and the timeline of China's export controls with today's status.
import * as core from "@critmin/core";
import { CONTROL_RULE_NOTES, RARE_EARTH_FAMILIES } from "../../../core/src/policy/controls.ts";
import { LIST_RULE_NOTES, listMatch } from "../../../core/src/policy/lists.ts";
import { code, generatedHeader, table, text } from "./markdown.ts";

const ruleList = (notes: Readonly<Record<string, string>>) =>
  Object.entries(notes).map(([id, note]) => `- ${code(id)}: ${text(note)}.`);

const orDash = (value: string | null | undefined) => (value ? text(value) : "—");

function listsPage(): string {
  const lists = core.criticalLists();
  const rows = core.dataset().lists;
  const strategic = rows.filter((r) => r.list === "eu-crma-2024-strategic");
  const parts = [
    generatedHeader("the bundled dataset (@critmin/core criticalLists(), dataset().lists)", {
      title: "Data: official critical lists",
    }),
    "# Official critical-mineral lists",
    "",
    `Which minerals a government lists as critical: ${code("isCritical(mineral, list)")} (Excel ${code("CRITMIN.IS_CRITICAL")}) and ${code("listsNaming(mineral)")} (Excel ${code("CRITMIN.CRITICAL_LISTS")}). Each item is kept as the list writes it, with its qualifier, and mapped to the dataset's mineral ids by a tested table in the pipeline.`,
    "",
    "## The lists",
    "",
    table(
      ["List id", "Jurisdiction", "Instrument", "Published", "Items", "Edition"],
      lists.map((l) => [
        code(l.id),
        text(l.jurisdiction),
        text(l.instrument),
        l.published,
        String(l.items),
        code(l.edition),
      ]),
    ),
    "",
    "## Strategic ⊂ critical",
    "",
    `The EU Critical Raw Materials Act (Regulation (EU) 2024/1252) has two lists: Annex I, the strategic raw materials, and Annex II, the critical raw materials. Every strategic raw material is also a critical one under the Regulation, so ${code('isCritical(m, "eu-crma-2024-critical")')} is true for every mineral Annex I names, and the answer says which annex named it (rule ${code("eu-crma-strategic-is-critical")}). Annex II also names copper and nickel (battery grade), strategic but not assessed as critical.`,
    "",
    table(
      ["Annex I item", "Qualifier", "Minerals", "Annex II names them directly"],
      strategic.map((r) => [
        text(r.itemEn ?? r.item),
        orDash(r.qualifier),
        r.minerals.map(code).join(", ") || "—",
        r.minerals.every((m) => listMatch("eu-crma-2024-critical", m).rule !== "eu-crma-strategic-is-critical")
          ? "yes"
          : "no: critical through Annex I",
      ]),
    ),
    "",
    "## Lookup rules",
    "",
    ...ruleList(LIST_RULE_NOTES),
    "",
    "Groups and their members, as the rules read them:",
    "",
    table(
      ["Group id", "Members", "Source"],
      core.FAMILIES.map((f) => [code(f.id), f.members.map(code).join(", "), text(f.source)]),
    ),
    "",
    "## Item → mineral mapping",
    "",
    "Every item of every list, as written, with the dataset ids it names. An item naming no id is listed with none.",
    "",
  ];
  for (const l of lists) {
    parts.push(
      `### ${text(l.id)}`,
      "",
      table(
        ["#", "Item as written", "English", "Qualifier", "Minerals", "Reference", "Locator"],
        rows
          .filter((r) => r.list === l.id)
          .map((r) => [
            String(r.position),
            text(r.item),
            orDash(r.itemEn),
            orDash(r.qualifier),
            r.minerals.map(code).join(", ") || "—",
            text(r.reference),
            code(r.locator),
          ]),
      ),
      "",
    );
  }
  return parts.join("\n");
}

function controlsPage(): string {
  const today = core.exportControls();
  const parts = [
    generatedHeader("the bundled dataset (@critmin/core exportControls())", { title: "Data: China's export controls" }),
    "# China's export controls: timeline",
    "",
    `Every measure in the data with its dates and its status on ${today.asOf}, the day these pages were generated (${code("exportControls()")} without ${code("asOf")} answers for the caller's today). Query any date with ${code("exportControls({ mineral, asOf, destination })")} or ${code("CRITMIN.EXPORT_CONTROLS(mineral, [as_of], [destination])")}; ${code("underExportControl")} / ${code("CRITMIN.UNDER_EXPORT_CONTROL")} answers TRUE, FALSE or, when a suspension has lapsed with no later notice, ${code("#N/A")} with the reason.`,
    "",
    "## Status on a date",
    "",
    `- ${code("announced")}: announced, not yet effective.`,
    `- ${code("in-force")}: from the effective date.`,
    `- ${code("suspended")}: from the suspension date to the suspension's last day, both included.`,
    `- ${code("ended")}: after an end with no suspension.`,
    `- ${code("unknown")}: the suspension's last day has passed and the data holds no later notice. critmin never assumes the measure resumed or ended.`,
    "- A measure announced after the date asked is not listed: the data knows no such measure then.",
    "",
    "Named rules, each recorded in the row's `rules`:",
    "",
    ...ruleList(CONTROL_RULE_NOTES),
    "",
    `${code("underExportControl")} without a destination counts only measures on exports to every destination (rule ${code("no-destination-every-destination")}); with one, also the measures limited to it. A suspension notice never counts as a control. ${code("controlledSupply")} lists the minerals the measures name, not every mineral through the all-dual-use-items ban on Japan's military users (rule ${code("controlled-supply-named-minerals")}).`,
    "",
    `The rare-earth family the ${code("rare-earth-family")} rule reads: ${RARE_EARTH_FAMILIES.map((f) => `${code(f.id)} = ${f.members.join(", ")}`).join("; ")}.`,
    "",
    "## Timeline",
    "",
    table(
      [
        "Measure",
        "Type",
        "Destination",
        "Minerals (as written)",
        "Announced",
        "Effective",
        "Suspended / ended",
        "Until",
        `Status on ${today.asOf}`,
      ],
      today.measures.map((m) => [
        text(m.id),
        text(m.type),
        text(m.destination),
        text(m.mineralsAsWritten),
        m.announced,
        m.effective,
        m.endedOrSuspended ?? "—",
        m.suspendedUntil ?? "—",
        `${code(m.status)}${m.part ? ` (${text(m.part.part)}: ${code(m.part.status)})` : ""}`,
      ]),
    ),
    "",
    "## Measures",
    "",
  ];
  for (const m of today.measures) {
    parts.push(
      `### ${text(m.id)}`,
      "",
      `${text(m.issuer)}. ${text(m.items)}`,
      "",
      m.suspends.length > 0 ? `Suspends: ${m.suspends.map(text).join(", ")}.\n` : "",
      m.suspendedBy.length > 0 ? `Suspended by: ${m.suspendedBy.map(text).join(", ")}.\n` : "",
      `HS codes: ${orDash(m.hsCodes)}.`,
      "",
      `Status on ${today.asOf}: ${text(m.statusNote)}.`,
      "",
      `Sources: ${m.sources.map(text).join(" · ")}. ${text(m.note)} (${code(m.locator)})`,
      "",
    );
  }
  return parts.join("\n");
}

export function policyPages(): Map<string, string> {
  return new Map([
    ["data/critical-lists.md", listsPage()],
    ["data/export-controls.md", controlsPage()],
  ]);
}
