// Schemas of the library's influence feature (see ./common.ts).
export {};
