/** The source the playground opens with: one direct function and one near miss with a fix. */
export const exampleSource = `// Package fn is an example: edit it and the detection below updates as you type.
package fn

import (
	"net/http"
	"strings"
)

// Upper is a direct function: the request body in, the reply out.
func Upper(s string) (string, error) {
	return strings.ToUpper(s), nil
}

// Hello takes http.Request by value: a near miss, with a fix.
func Hello(w http.ResponseWriter, r http.Request) {
	w.Write([]byte("héllo, 世界 🎉"))
}
`;
