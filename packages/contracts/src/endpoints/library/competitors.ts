// The library's competitors rows of the endpoint table (see ../library.ts).
export {};
