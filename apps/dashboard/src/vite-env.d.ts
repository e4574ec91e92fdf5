/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The reference server's URL when the page is not served through Vite's proxy. */
  readonly VITE_FEEDKIT_URL?: string;
}
