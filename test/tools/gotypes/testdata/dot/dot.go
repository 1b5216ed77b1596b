// Package dot dot-imports net/http.
package dot

import (
	. "encoding/json"
	. "net/http"
)

func Endpoint(w ResponseWriter, r *Request)     {}
func Client2(c Client) Header                   { return nil }
func Action(in RawMessage) (interface{}, error) { return nil, nil }
