// The tests' CustomFunctions stand-in lives beside the build scripts, where the docs generator
// can use it too without importing a test file.
export * from "../scripts/runtime-stub.ts";
