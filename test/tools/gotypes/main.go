// Command gotypes is the reference side of gofn-detect's differential test. It selects each
// package's files with go/build, lets go/types resolve every name in the exported function
// signatures, and then classifies them by SPEC §3 (the shared contract), judging another
// package's types only by the list SPEC gives, as gofn-detect must without a type checker.
//
// Usage: gotypes DIR... (or directories on stdin, one a line). It prints a JSON array with one
// entry per directory, in the order given:
//
//	{"dir": "net/http", "package": "http", "files": ["client.go", …],
//	 "functions": [{"name", "kind", "form"?, "returnsError"}]}
//	{"dir": "cmd", "error": "no buildable Go source files ..."}
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Result is one directory's line of the output.
type Result struct {
	Dir       string     `json:"dir"`
	Package   string     `json:"package,omitempty"`
	Files     []string   `json:"files,omitempty"`
	Functions []Function `json:"functions,omitempty"`
	Error     string     `json:"error,omitempty"`
	// TypeErrors holds go/types' first few complaints; resolution may be incomplete then.
	TypeErrors []string `json:"typeErrors,omitempty"`
}

// Function is one classified function, in the fields SPEC §4 requires.
type Function struct {
	Name         string `json:"name"`
	Kind         string `json:"kind"`
	Form         string `json:"form,omitempty"`
	ReturnsError bool   `json:"returnsError"`
}

func main() {
	pinContext(&build.Default)
	fset := token.NewFileSet()
	// One importer for the whole run: it type-checks each dependency from source once.
	imp := importer.ForCompiler(fset, "source", nil)
	results := []Result{}
	for _, dir := range dirs() {
		results = append(results, load(fset, imp, dir))
	}
	out := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(results); err != nil {
		fmt.Fprintln(os.Stderr, "gotypes:", err)
		os.Exit(1)
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gotypes:", err)
		os.Exit(1)
	}
}

// pinContext sets SPEC §1's target: linux/amd64, cgo off, gc, every go1.N release tag, and
// no tool tags (goexperiment.* is false), whatever the installed toolchain would default to.
// The source importer reads build.Default, so this pins the dependencies' files as well.
func pinContext(ctxt *build.Context) {
	ctxt.GOOS = "linux"
	ctxt.GOARCH = "amd64"
	ctxt.CgoEnabled = false
	ctxt.Compiler = "gc"
	ctxt.BuildTags = nil
	ctxt.ToolTags = nil
	ctxt.ReleaseTags = nil
	for n := 1; n <= 99; n++ {
		ctxt.ReleaseTags = append(ctxt.ReleaseTags, "go1."+strconv.Itoa(n))
	}
}

// dirs returns the arguments, or the non-empty lines of stdin when there are none.
func dirs() []string {
	if len(os.Args) > 1 {
		return os.Args[1:]
	}
	var list []string
	scan := bufio.NewScanner(os.Stdin)
	for scan.Scan() {
		if line := strings.TrimSpace(scan.Text()); line != "" {
			list = append(list, line)
		}
	}
	return list
}

// load selects, parses and type-checks one directory and classifies its functions. Type
// errors do not stop it: what resolved is still judged.
func load(fset *token.FileSet, imp types.Importer, dir string) Result {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Result{Dir: dir, Error: err.Error()}
	}
	bp, err := build.Default.ImportDir(abs, 0)
	if err != nil {
		return Result{Dir: dir, Error: err.Error()}
	}
	if len(bp.GoFiles) == 0 {
		// go/build accepts a directory of tests only; SPEC §1 sees no package there.
		return Result{Dir: dir, Error: "no buildable Go source files in " + dir}
	}
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(abs, name), nil, parser.SkipObjectResolution)
		if f == nil {
			return Result{Dir: dir, Error: err.Error()}
		}
		files = append(files, f)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	var typeErrs []string
	conf := types.Config{Importer: imp, IgnoreFuncBodies: true, Error: func(err error) {
		if len(typeErrs) < 3 {
			typeErrs = append(typeErrs, err.Error())
		}
	}}
	pkg, _ := conf.Check(bp.ImportPath, fset, files, info)
	fns := classifyAll(newJudge(pkg, info, files), files)
	sort.Slice(fns, func(i, j int) bool { return fns[i].Name < fns[j].Name })
	return Result{Dir: dir, Package: bp.Name, Files: bp.GoFiles, Functions: fns, TypeErrors: typeErrs}
}

// classifyAll classifies every candidate declaration of the package's files.
func classifyAll(j *judge, files []*ast.File) []Function {
	fns := []Function{}
	for _, f := range files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || !candidate(fd) {
				continue
			}
			if fn, ok := j.classify(fd.Type); ok {
				fn.Name = fd.Name.Name
				fns = append(fns, fn)
			}
		}
	}
	return fns
}

// candidate reports whether SPEC §3 classifies fd at all: a package-level, exported,
// non-generic, non-variadic function.
func candidate(fd *ast.FuncDecl) bool {
	if fd.Recv != nil || !token.IsExported(fd.Name.Name) || fd.Type.TypeParams != nil {
		return false
	}
	params := fd.Type.Params.List
	if n := len(params); n > 0 {
		if _, variadic := params[n-1].Type.(*ast.Ellipsis); variadic {
			return false
		}
	}
	return true
}
