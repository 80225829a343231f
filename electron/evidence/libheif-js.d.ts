/**
 * The part of libheif-js (an Emscripten build of libheif with libde265, LGPL-3.0) that
 * image-pages.ts uses; the package ships no declaration for its bundled-wasm entry.
 */
declare module 'libheif-js/wasm-bundle.js' {
  interface HeifImage {
    /** Width and height after the file's transformations (irot, imir, clap). */
    get_width(): number;
    get_height(): number;
    is_primary(): boolean;
    free(): void;
    /** Decodes the image as RGBA into `target.data`; calls back with it, or with null when decoding failed. */
    display(
      target: { data: Uint8ClampedArray; width: number; height: number },
      done: (result: { data: Uint8ClampedArray } | null) => void,
    ): void;
  }
  interface HeifDecoder {
    /** The top-level images of the file; empty when it cannot be parsed. */
    decode(bytes: Uint8Array | ArrayBuffer): HeifImage[];
  }
  const libheif: { HeifDecoder: new () => HeifDecoder };
  export default libheif;
}
