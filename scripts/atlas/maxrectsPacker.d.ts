/** Types for maxrects-packer's ES build, imported by path (see packAtlas.ts): the package's own types. */
declare module 'maxrects-packer/dist/maxrects-packer.mjs' {
  export * from 'maxrects-packer';
}
