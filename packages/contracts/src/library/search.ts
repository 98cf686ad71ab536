// Schemas of the library's search feature (see ./common.ts).
export {};
