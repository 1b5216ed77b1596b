// Package hello is the smallest function package: one http handler, which gofn-detect selects.
package hello

import (
	"fmt"
	"net/http"
)

// Handle greets whoever is named in the "name" query parameter.
func Handle(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if name == "" {
		name = "world"
	}
	fmt.Fprintf(w, "hello, %s\n", name)
}
