// The library's influence rows of the endpoint table (see ../library.ts).
export {};
