/** Vite turns `import url from './file?url'` into the URL of the emitted, hashed file. */
declare module '*?url' {
  const url: string;
  export default url;
}
