package main

import "go/ast"

// directForms mirrors SPEC §3's table of direct forms, keyed by the number of parameters,
// whether there is a data result Y, and whether an error result is there.
var directForms = map[[3]int]string{
	{1, 1, 0}: "function", {1, 1, 1}: "function",
	{0, 1, 0}: "supplier", {0, 1, 1}: "supplier",
	{1, 0, 0}: "consumer", {1, 0, 1}: "consumer",
	{0, 0, 0}: "runnable", {0, 0, 1}: "runnable",
}

// classify applies the kinds in SPEC's order; the first that matches wins.
func (j *judge) classify(ft *ast.FuncType) (Function, bool) {
	params := j.flatten(ft.Params)
	results := j.flatten(ft.Results)
	if j.isHTTP(params, results) {
		return Function{Kind: "http"}, true
	}
	if j.isOpenWhisk(params, results) {
		return Function{Kind: "openwhisk", ReturnsError: true}, true
	}
	if ok, withErr := j.isStreaming(params, results); ok {
		return Function{Kind: "streaming", ReturnsError: withErr}, true
	}
	return j.direct(params, results)
}

// flatten resolves one term per parameter or result, counting `a, b T` twice.
func (j *judge) flatten(fl *ast.FieldList) []term {
	var terms []term
	if fl == nil {
		return terms
	}
	for _, f := range fl.List {
		t := j.resolve(f.Type, nil, 0)
		terms = append(terms, t)
		for i := 1; i < len(f.Names); i++ {
			terms = append(terms, t)
		}
	}
	return terms
}

func (j *judge) isHTTP(params, results []term) bool {
	if len(params) != 2 || len(results) != 0 || params[0].foreign != "net/http.ResponseWriter" {
		return false
	}
	star, ok := params[1].expr.(*ast.StarExpr)
	return ok && j.resolve(star.X, params[1].env, 0).foreign == "net/http.Request"
}

func (j *judge) isOpenWhisk(params, results []term) bool {
	return len(params) == 1 && params[0].foreign == "encoding/json.RawMessage" &&
		len(results) == 2 && isEmptyInterface(results[0]) && results[1].universe == "error"
}

// isEmptyInterface: interface{} or any, written directly or through aliases; not a defined type.
func isEmptyInterface(t term) bool {
	if t.universe == "any" {
		return true
	}
	it, ok := t.expr.(*ast.InterfaceType)
	return ok && len(it.Methods.List) == 0
}

func (j *judge) isStreaming(params, results []term) (ok, withErr bool) {
	if len(params) != 1 || len(results) < 1 || len(results) > 2 {
		return false, false
	}
	in, inOK := j.recvElem(params[0])
	out, outOK := j.recvElem(results[0])
	if !inOK || !outOK || !j.isData(in) || !j.isData(out) {
		return false, false
	}
	if len(results) == 1 {
		return true, false
	}
	errs, errsOK := j.recvElem(results[1])
	return errsOK && errs.universe == "error", true
}

// recvElem returns the element of a receive-only channel type literal (a defined channel
// type is not one).
func (j *judge) recvElem(t term) (term, bool) {
	ch, ok := t.expr.(*ast.ChanType)
	if !ok || ch.Dir != ast.RECV {
		return term{}, false
	}
	return j.resolve(ch.Value, t.env, 0), true
}

func (j *judge) direct(params, results []term) (Function, bool) {
	if len(params) > 1 || len(results) > 2 {
		return Function{}, false
	}
	for _, p := range params {
		if !j.isData(p) {
			return Function{}, false
		}
	}
	withErr := len(results) > 0 && results[len(results)-1].universe == "error"
	ys := results
	if withErr {
		ys = results[:len(results)-1]
	}
	if len(ys) > 1 || (len(ys) == 1 && !j.isData(ys[0])) {
		return Function{}, false
	}
	form, ok := directForms[[3]int{len(params), len(ys), b2i(withErr)}]
	return Function{Kind: "direct", Form: form, ReturnsError: withErr}, ok
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
