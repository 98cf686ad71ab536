// The library's shares rows of the endpoint table (see ../library.ts).
export {};
