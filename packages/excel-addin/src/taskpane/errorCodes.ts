// CustomFunctions.ErrorCode as office-js defines it (dist/custom-functions-runtime.js): the task
// pane's stand-in runtime (runtime.ts) and the Node one for the docs and tests
// (scripts/runtime-stub.ts) both hand these out, so a function fails the same way everywhere.
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;
