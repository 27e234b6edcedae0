// functions.json's shape (the parts the pane and the docs read), and its loading in the pane: the
// function list, argument names and choices come from the metadata Excel itself reads, so the pane
// never lists a function Excel does not have.

export interface ParameterMeta {
  readonly name: string;
  readonly description?: string;
  readonly optional?: boolean;
  readonly type?: string;
  readonly dimensionality?: "scalar" | "matrix";
  readonly customEnumId?: string;
}
export interface FunctionMeta {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly helpUrl?: string;
  readonly parameters: readonly ParameterMeta[];
  readonly result?: { readonly dimensionality?: string };
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
