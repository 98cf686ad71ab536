// The library's assets rows of the endpoint table (see ../library.ts).
export {};
