// The library's files rows of the endpoint table (see ../library.ts).
export {};
