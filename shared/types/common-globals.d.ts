// The web-standard globals that exist in browsers AND in Node, declared as far as shared/ uses
// them. Only for shared/tsconfig.json (no DOM lib, no Node types there); the project's main
// tsconfig excludes this file, since the DOM lib declares the full versions.
interface URL {
  readonly href: string
  readonly origin: string
  readonly protocol: string
  readonly hostname: string
  readonly pathname: string
}
declare var URL: { prototype: URL; new (url: string, base?: string | URL): URL }
