package main

import (
	"go/ast"
	"go/types"
	"strings"
)

// noData lists the types of other packages that SPEC §3 says carry no data. Every other type
// of another package is data, even where go/types could see that it is a channel or an alias
// of one of these: gofn-detect cannot read other packages, and this program checks SPEC.
var noData = map[string]bool{
	"context.Context":                                   true,
	"golang.org/x/net/context.Context":                  true,
	"github.com/aws/aws-sdk-go/aws.Context":             true,
	"github.com/aws/aws-sdk-go/aws/credentials.Context": true,
	"net/http.ResponseWriter":                           true,
	"net/http.Request":                                  true,
	"io.Reader":                                         true,
	"io.Writer":                                         true,
	"io.Closer":                                         true,
	"io.ReadCloser":                                     true,
	"io.WriteCloser":                                    true,
	"io.ReadWriter":                                     true,
	"io.ReadWriteCloser":                                true,
	"unsafe.Pointer":                                    true,
}

// intKeys are the predeclared integer types, which with string are the map keys SPEC accepts.
var intKeys = map[string]bool{
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
	"uintptr": true, "byte": true, "rune": true, "string": true,
}

// env binds a generic type's parameters to the argument expressions of one instance.
type env map[*types.TypeName]bound

type bound struct {
	expr ast.Expr
	env  env
}

// term is a type expression after parentheses, aliases and type parameters are gone: a
// predeclared name, another package's type, a defined type of this package, or a literal.
type term struct {
	universe string        // a predeclared type's name
	foreign  string        // another package's type as "path.Name"
	local    *ast.TypeSpec // a defined type of this package, judged by its declaration
	expr     ast.Expr      // a type literal (pointer, slice, map, chan, func, struct, interface)
	env      env           // bindings for local's type parameters, or those in scope of expr
}

// judge resolves names with go/types' answers and judges them by SPEC's rules.
type judge struct {
	pkg      *types.Package
	info     *types.Info
	decls    map[*types.TypeName]*ast.TypeSpec
	visiting map[*ast.TypeSpec]bool
}

func newJudge(pkg *types.Package, info *types.Info, files []*ast.File) *judge {
	j := &judge{pkg: pkg, info: info, decls: map[*types.TypeName]*ast.TypeSpec{}, visiting: map[*ast.TypeSpec]bool{}}
	for _, f := range files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				if ts, ok := spec.(*ast.TypeSpec); ok {
					if obj, ok := info.Defs[ts.Name].(*types.TypeName); ok {
						j.decls[obj] = ts
					}
				}
			}
		}
	}
	return j
}

// resolve turns e into a term. depth guards against alias chains that go/types rejected.
func (j *judge) resolve(e ast.Expr, en env, depth int) term {
	if depth > 100 {
		return term{foreign: "?.invalid"}
	}
	switch x := e.(type) {
	case *ast.ParenExpr:
		return j.resolve(x.X, en, depth+1)
	case *ast.Ident:
		return j.resolveIdent(x, en, depth)
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			if pn, ok := j.info.Uses[id].(*types.PkgName); ok {
				return term{foreign: unvendor(pn.Imported().Path()) + "." + x.Sel.Name}
			}
		}
		return term{foreign: "?." + x.Sel.Name}
	case *ast.IndexExpr:
		return j.instance(x.X, []ast.Expr{x.Index}, en, depth)
	case *ast.IndexListExpr:
		return j.instance(x.X, x.Indices, en, depth)
	}
	return term{expr: e, env: en}
}

func (j *judge) resolveIdent(id *ast.Ident, en env, depth int) term {
	obj, ok := j.info.Uses[id].(*types.TypeName)
	switch {
	case !ok:
		// Unresolved (a failed dot import, say): an opaque type of some other package.
		return term{foreign: "?." + id.Name}
	case obj.Pkg() == nil:
		return term{universe: obj.Name()}
	case isTypeParam(obj):
		if b, ok := en[obj]; ok {
			return j.resolve(b.expr, b.env, depth+1)
		}
		return term{foreign: "?." + id.Name}
	case obj.Pkg() == j.pkg && j.decls[obj] != nil:
		spec := j.decls[obj]
		if spec.Assign.IsValid() {
			return j.resolve(spec.Type, nil, depth+1)
		}
		return term{local: spec}
	}
	// A dot-imported name: go/types knows its package.
	return term{foreign: unvendor(obj.Pkg().Path()) + "." + obj.Name()}
}

// instance resolves a generic type's instance, binding this package's type parameters to args.
func (j *judge) instance(x ast.Expr, args []ast.Expr, en env, depth int) term {
	t := j.resolve(x, en, depth+1)
	if t.local == nil || t.local.TypeParams == nil {
		return t
	}
	bind := env{}
	i := 0
	for _, field := range t.local.TypeParams.List {
		for _, name := range field.Names {
			if obj, ok := j.info.Defs[name].(*types.TypeName); ok && i < len(args) {
				bind[obj] = bound{expr: args[i], env: en}
			}
			i++
		}
	}
	t.env = bind
	return t
}

func isTypeParam(obj *types.TypeName) bool {
	_, ok := obj.Type().(*types.TypeParam)
	return ok
}

// unvendor maps a vendored package's path to the path its importers write.
func unvendor(path string) string {
	if strings.HasPrefix(path, "vendor/") {
		return path[len("vendor/"):]
	}
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		return path[i+len("/vendor/"):]
	}
	return path
}

// isData is SPEC §3's data-type judgement.
func (j *judge) isData(t term) bool {
	switch {
	case t.universe != "":
		return t.universe != "error" && t.universe != "complex64" && t.universe != "complex128"
	case t.foreign != "":
		return !noData[t.foreign]
	case t.local != nil:
		if j.visiting[t.local] {
			return true // a recursive type: what it refers to is being judged already
		}
		j.visiting[t.local] = true
		defer delete(j.visiting, t.local)
		return j.isData(j.resolve(t.local.Type, t.env, 0))
	}
	switch x := t.expr.(type) {
	case *ast.StarExpr:
		return j.isData(j.resolve(x.X, t.env, 0))
	case *ast.ArrayType:
		return j.isData(j.resolve(x.Elt, t.env, 0))
	case *ast.MapType:
		return j.keyOK(j.resolve(x.Key, t.env, 0)) && j.isData(j.resolve(x.Value, t.env, 0))
	case *ast.ChanType, *ast.FuncType:
		return false
	case *ast.InterfaceType:
		return len(x.Methods.List) == 0
	}
	return true
}

// keyOK: string and integer types, another package's type or a defined type of this package.
func (j *judge) keyOK(t term) bool {
	if t.universe != "" {
		return intKeys[t.universe]
	}
	return t.foreign != "" || t.local != nil
}
