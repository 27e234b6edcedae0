// functions.json as the pane reads it: the function list, argument names and choices come from
// the metadata Excel itself reads, so the pane never lists a function Excel does not have.

export interface ParameterMeta {
  readonly name: string;
  readonly description?: string;
  readonly optional?: boolean;
  readonly dimensionality?: "scalar" | "matrix";
  readonly customEnumId?: string;
}
export interface FunctionMeta {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly ParameterMeta[];
}
export interface EnumMeta {
  readonly id: string;
  readonly values: readonly {
    readonly name: string;
    readonly stringValue?: string;
    readonly numberValue?: number;
    readonly tooltip?: string;
  }[];
}
export interface Metadata {
  readonly functions: readonly FunctionMeta[];
  readonly enums?: readonly EnumMeta[];
}

/** functions.json, served beside the page. */
export async function loadMetadata(): Promise<Metadata> {
  const response = await fetch(new URL("functions.json", document.baseURI));
  if (!response.ok) throw new Error(`functions.json: HTTP ${response.status}`);
  return (await response.json()) as Metadata;
}
