// Command oracle prints, as JSON, what go/parser and go/printer see in the Go files named on
// its command line: the reference that src/parser/oracle.test.ts holds extractFile to.
package main

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"strconv"
)

type pos struct{ Line, Column, Offset int }
type rng struct{ Start, End pos }
type param struct {
	Name *string
	Type string
}
type fn struct {
	Name                          string
	Receiver                      *string
	TypeParams                    []string
	Params, Results               []param
	Variadic                      bool
	Range, NameRange, ParamsRange rng
	ResultsRange                  *rng
}
type typ struct {
	Name       string
	Alias      bool
	TypeParams []string
	Type       string
	Range      rng
}
type imp struct {
	Name *string
	Path string
}
type file struct {
	Name          string
	Error         string `json:",omitempty"`
	Package       string
	Imports       []imp
	Funcs         []fn
	Types         []typ
	DeclaredNames []string
}

var fset = token.NewFileSet()

func p(at token.Pos) pos {
	q := fset.Position(at)
	return pos{q.Line, q.Column, q.Offset}
}
func r(n ast.Node) rng { return rng{p(n.Pos()), p(n.End())} }
func text(e ast.Expr) string {
	var b bytes.Buffer
	printer.Fprint(&b, fset, e)
	return b.String()
}
func fields(l *ast.FieldList) (out []param, variadic bool) {
	if l == nil {
		return []param{}, false
	}
	out = []param{}
	for _, f := range l.List {
		t := f.Type
		if e, ok := t.(*ast.Ellipsis); ok {
			variadic = true
			t = e.Elt
		}
		if len(f.Names) == 0 {
			out = append(out, param{nil, text(t)})
		}
		for _, n := range f.Names {
			name := n.Name
			out = append(out, param{&name, text(t)})
		}
	}
	return
}
func names(l *ast.FieldList) []string {
	out := []string{}
	if l != nil {
		for _, f := range l.List {
			for _, n := range f.Names {
				out = append(out, n.Name)
			}
		}
	}
	return out
}

func main() {
	var out []file
	for _, name := range os.Args[1:] {
		src, err := os.ReadFile(name)
		if err != nil {
			panic(err)
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		res := file{Name: name, Imports: []imp{}, Funcs: []fn{}, Types: []typ{}, DeclaredNames: []string{}}
		if err != nil {
			// Scanner errors (invalid UTF-8, NUL) still leave a whole AST to compare with.
			res.Error = err.Error()
		}
		if f == nil {
			out = append(out, res)
			continue
		}
		res.Package = f.Name.Name
		for _, s := range f.Imports {
			path, _ := strconv.Unquote(s.Path.Value)
			i := imp{Path: path}
			if s.Name != nil {
				n := s.Name.Name
				i.Name = &n
			}
			res.Imports = append(res.Imports, i)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				params, variadic := fields(d.Type.Params)
				results, _ := fields(d.Type.Results)
				x := fn{Name: d.Name.Name, TypeParams: names(d.Type.TypeParams), Params: params, Results: results, Variadic: variadic,
					Range:       rng{p(d.Type.Func), p(d.End())},
					NameRange:   r(d.Name),
					ParamsRange: r(d.Type.Params)}
				if d.Recv != nil && len(d.Recv.List) > 0 {
					t := text(d.Recv.List[0].Type)
					x.Receiver = &t
				} else if d.Name.Name != "_" {
					res.DeclaredNames = append(res.DeclaredNames, d.Name.Name)
				}
				if d.Type.Results != nil {
					rr := r(d.Type.Results)
					x.ResultsRange = &rr
				}
				res.Funcs = append(res.Funcs, x)
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						res.Types = append(res.Types, typ{s.Name.Name, s.Assign.IsValid(), names(s.TypeParams), text(s.Type), r(s)})
						if s.Name.Name != "_" {
							res.DeclaredNames = append(res.DeclaredNames, s.Name.Name)
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.Name != "_" {
								res.DeclaredNames = append(res.DeclaredNames, n.Name)
							}
						}
					}
				}
			}
		}
		out = append(out, res)
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
