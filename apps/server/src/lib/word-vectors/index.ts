/** Word vectors for the feedback engine: the binary form, its preparation at start, and sentence vectors (SIF). */
export { prepareWordVectors, useWordVectors, wordVectors, type WordVectorLog } from './load.ts';
export { defaultEmbedder, SifEmbedder, vectorTokens, type SentenceEncoder, type TextEmbedder } from './sentence-embedder.ts';
export { WordVectors } from './word-vectors.ts';
