// Schemas of the library's usage feature (see ./common.ts).
export {};
