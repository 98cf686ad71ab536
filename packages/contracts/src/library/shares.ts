// Schemas of the library's shares feature (see ./common.ts).
export {};
