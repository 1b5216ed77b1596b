// Command gofloor is the floor that gofn-detect's whole-stdlib benchmark is measured against:
// one sequential Go process that selects each directory's files as go build would for
// linux/amd64 with cgo off (the same pinned build.Context as gofn-detect's default), and parses
// every selected file with go/parser, without type checking.
//
// Usage: gofloor [-list] DIR...
//
// It prints one JSON line: {"dirs":N,"files":N,"bytes":N,"seconds":S}. With -list it instead
// prints, one per line, the directories that have at least one selected file, so that the
// benchmark can hand both programs the same list.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// context is pinned, not taken from the environment: linux/amd64, cgo off, gc, every go1.N
// release tag (as the newest Go would build it, SPEC §1), no custom tags.
func context() build.Context {
	ctxt := build.Default
	ctxt.GOOS = "linux"
	ctxt.GOARCH = "amd64"
	ctxt.CgoEnabled = false
	ctxt.Compiler = "gc"
	ctxt.BuildTags = nil
	ctxt.ToolTags = nil
	ctxt.ReleaseTags = nil
	for i := 1; i <= 99; i++ {
		ctxt.ReleaseTags = append(ctxt.ReleaseTags, fmt.Sprintf("go1.%d", i))
	}
	return ctxt
}

// selected returns the files of dir that go build would compile, tests excluded.
func selected(ctxt *build.Context, dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		ok, err := ctxt.MatchFile(dir, name)
		if err != nil {
			return nil, err
		}
		if ok {
			files = append(files, filepath.Join(dir, name))
		}
	}
	return files, nil
}

type result struct {
	Dirs    int     `json:"dirs"`
	Files   int     `json:"files"`
	Bytes   int64   `json:"bytes"`
	Seconds float64 `json:"seconds"`
}

func main() {
	list := flag.Bool("list", false, "print the directories that have selected files, and parse nothing")
	resolve := flag.Bool("resolve", false, "parse in go/parser's default mode, resolving identifiers, instead of its fastest")
	flag.Parse()
	mode := parser.SkipObjectResolution
	if *resolve {
		mode = 0
	}
	ctxt := context()
	fset := token.NewFileSet()
	start := time.Now()
	var res result
	for _, dir := range flag.Args() {
		files, err := selected(&ctxt, dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gofloor:", err)
			os.Exit(2)
		}
		if len(files) == 0 {
			continue
		}
		res.Dirs++
		if *list {
			fmt.Println(dir)
			continue
		}
		for _, file := range files {
			src, err := os.ReadFile(file)
			if err != nil {
				fmt.Fprintln(os.Stderr, "gofloor:", err)
				os.Exit(2)
			}
			// Parse errors are not fatal: the floor is the time to parse, as gofn-detect does.
			parser.ParseFile(fset, file, src, mode)
			res.Files++
			res.Bytes += int64(len(src))
		}
	}
	if *list {
		return
	}
	res.Seconds = time.Since(start).Seconds()
	json.NewEncoder(os.Stdout).Encode(res)
}
