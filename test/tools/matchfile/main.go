// Command matchfile prints, for every .go file under a directory, what Go's own
// go/build Context.MatchFile decides for linux/amd64 with cgo off, so that
// src/parser/build/gobuild.test.ts can compare gofn-detect's port against it.
//
// Usage: go run main.go DIR
//
// Each output line is a JSON object {"path", "match", "error", "importsC"}; path is
// relative to DIR and /-separated. importsC is reported because go/build's Import
// (not MatchFile) drops such files when cgo is off; the test leaves them out.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

type result struct {
	Path     string `json:"path"`
	Match    bool   `json:"match"`
	Error    string `json:"error,omitempty"`
	ImportsC bool   `json:"importsC"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: matchfile DIR")
		os.Exit(2)
	}
	// Resolve the root first: WalkDir does not enter a root that is a symlink,
	// and Debian's GOROOT/src is one.
	root, err := filepath.EvalSymlinks(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "matchfile:", err)
		os.Exit(1)
	}
	ctxt := targetContext()
	out := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(out)
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(d.Name(), ".go") || !d.Type().IsRegular() {
			return nil // unreadable or irrelevant entries are not what this compares
		}
		rel, _ := filepath.Rel(root, path)
		r := result{Path: filepath.ToSlash(rel), ImportsC: importsC(path)}
		r.Match, err = ctxt.MatchFile(filepath.Dir(path), d.Name())
		if err != nil {
			r.Error = err.Error()
		}
		return enc.Encode(r)
	})
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "matchfile:", err)
		os.Exit(1)
	}
}

// targetContext is SPEC §1's target: linux/amd64, cgo off, gc, no custom or tool
// tags, and release tags for every go1.N the newest Go could claim.
func targetContext() build.Context {
	release := make([]string, 0, 99)
	for n := 1; n <= 99; n++ {
		release = append(release, fmt.Sprintf("go1.%d", n))
	}
	return build.Context{GOOS: "linux", GOARCH: "amd64", CgoEnabled: false, Compiler: "gc", ReleaseTags: release}
}

// importsC reports whether the file imports "C". A file that does not parse is
// searched as text, so that doubt leaves it out of the comparison.
func importsC(path string) bool {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
	if err != nil {
		content, _ := os.ReadFile(path)
		return bytes.Contains(content, []byte(`"C"`))
	}
	for _, spec := range f.Imports {
		if spec.Path.Value == `"C"` {
			return true
		}
	}
	return false
}
