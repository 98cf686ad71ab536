// Schemas of the library's assets feature (see ./common.ts).
export {};
