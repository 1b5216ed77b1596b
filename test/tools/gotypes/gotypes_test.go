package main

import (
	"go/build"
	"go/importer"
	"go/token"
	"reflect"
	"testing"
)

// want lists each fixture's classified functions as "kind/form/returnsError"; every function
// not listed must be left unclassified.
var want = map[string]map[string]string{
	"testdata/tricky": {
		"HTTPAlias":          "http//false",
		"OW":                 "openwhisk//true",
		"OWAny":              "openwhisk//true",
		"OWEmpty":            "direct/function/true",
		"Stream":             "streaming//false",
		"StreamErr":          "streaming//true",
		"HF":                 "direct/function/false",
		"EmptyIn":            "direct/function/false",
		"File":               "direct/consumer/true",
		"Gen":                "direct/function/false",
		"GenPtrOK":           "direct/consumer/false",
		"Recursive":          "direct/function/false",
		"MapKeyDefined":      "direct/consumer/false",
		"MapKeyForeign":      "direct/consumer/false",
		"MapKeyForeignIface": "direct/consumer/false",
		"MapKeyRune":         "direct/consumer/false",
		"Named":              "direct/supplier/true",
		"Runnable":           "direct/runnable/false",
		"RunnableErr":        "direct/runnable/true",
		"Paren":              "direct/function/false",
		"Ωmega":              "direct/runnable/false",
		"NewEnough":          "direct/runnable/false",
		// more.go
		"AliasChain":         "http//false",
		"MapKeyAliasDefined": "direct/consumer/false",
		"MapKeyDefinedChan":  "direct/consumer/false",
		"PairKeyDefined":     "direct/consumer/false",
		"BoxOfFunc":          "direct/function/false",
		"Éclair":             "direct/runnable/false",
		"OWNamed":            "openwhisk//true",
		"OWDefinedEmpty":     "direct/function/true",
		"OWPtr":              "direct/function/true",
		"StreamParen":        "streaming//false",
	},
	// SPEC §1: only these files are built for linux/amd64 without cgo.
	"testdata/files": {
		"Amd64":       "direct/runnable/false",
		"Base":        "direct/runnable/false",
		"Go121":       "direct/runnable/false",
		"GoBuildWins": "direct/runnable/false",
		"InBlock":     "direct/runnable/false",
		"LegacyOK":    "direct/runnable/false",
		"LinuxName":   "direct/runnable/false",
		"Unix":        "direct/runnable/false",
	},
	// A package-level error or any shadows the predeclared one.
	"testdata/shadow": {
		"Str": "direct/function/false",
	},
	"testdata/dot": {
		"Endpoint": "http//false",
		"Client2":  "direct/function/false",
		"Action":   "openwhisk//true",
	},
}

func TestFixtures(t *testing.T) {
	pinContext(&build.Default)
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	for dir, expected := range want {
		res := load(fset, imp, dir)
		if res.Error != "" || len(res.TypeErrors) > 0 {
			t.Fatalf("%s: %s %v", dir, res.Error, res.TypeErrors)
		}
		got := map[string]string{}
		for _, fn := range res.Functions {
			got[fn.Name] = fn.Kind + "/" + fn.Form + "/" + map[bool]string{true: "true", false: "false"}[fn.ReturnsError]
		}
		if !reflect.DeepEqual(got, expected) {
			for name, g := range got {
				if expected[name] != g {
					t.Errorf("%s: %s = %q, want %q", dir, name, g, expected[name])
				}
			}
			for name, w := range expected {
				if _, ok := got[name]; !ok {
					t.Errorf("%s: %s unclassified, want %q", dir, name, w)
				}
			}
		}
	}
}
