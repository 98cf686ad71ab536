// Schemas of the library's files feature (see ./common.ts).
export {};
