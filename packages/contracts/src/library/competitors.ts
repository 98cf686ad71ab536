// Schemas of the library's competitors feature (see ./common.ts).
export {};
