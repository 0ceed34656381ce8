/** The collaboration layout shared by server and browser: author and engine docs, anchors, the merge. */
export * from './author-doc';
export * from './engine-doc';
export * from './text-doc';
export * from './anchor';
export * from './merge';
export * from './record-history';
