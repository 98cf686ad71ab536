// The library's usage rows of the endpoint table (see ../library.ts).
export {};
