import { installStubRuntime } from "/work/main/packages/excel-addin/test/stub-runtime.ts";
installStubRuntime();
const f = await import("/work/main/packages/excel-addin/src/functions/functions.ts");
console.log(f.chinaShare([["cobalt"]]), f.chinaShare([["cobolt"]]), f.topProducers("nickel", null, 3));
const core = await import("@critmin/core");
console.log(import.meta.resolve("@critmin/core"));
