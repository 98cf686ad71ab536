// The library's search rows of the endpoint table (see ../library.ts).
export {};
