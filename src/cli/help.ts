/** The `--help` text; kept apart so `--help` loads neither the parser nor detection. */

/** helpText is what `gofn-detect --help` prints. */
export const helpText = `Usage: gofn-detect [flags] DIR|DIR/... ...

Find the exported Go function a package offers a function platform (http, openwhisk,
streaming or direct), print what was found as JSON, and optionally write the main.go
that serves it. With no DIR, the current directory is used.

Output: one JSON object for one DIR; an array for several, or for a DIR/... pattern.

Flags (anywhere, as --flag value or --flag=value):
  --target NAME       select the function NAME instead of choosing one
  --emit DIR          write DIR/main.go serving the selected function (package main:
                      gofn_main.go is written into the package directory instead)
  --goos OS           build for OS (default linux; the environment is not consulted)
  --goarch ARCH       build for ARCH (default amd64)
  --tags a,b          extra build tags
  --cgo               build with cgo on (files that import "C" count)
  --pretty            indent the JSON
  --format json|text  print a human summary instead of JSON with text
  --help, -h          print this help
  --version           print the version

Exit status: 0 a function was selected, 1 none could be (none, ambiguous or a bad
--target), 2 the input could not be read or used. With several packages: 0 if any has a
selection, 1 if none has, 2 only for usage errors.

Examples:
  gofn-detect ./fn                      detect the function in ./fn
  gofn-detect ./... --format text       summarise every package of the module
  gofn-detect ./fn --target Upper       select Upper
  gofn-detect ./fn --emit build/server  write build/server/main.go
  gofn-detect ./fn --goos darwin --tags integration --pretty
`;
