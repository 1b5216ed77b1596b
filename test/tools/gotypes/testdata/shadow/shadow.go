// Package shadow declares its own error and any, which shadow the predeclared ones.
package shadow

import "encoding/json"

type error interface{ Error() string }

type any = string

func F() error                          { return nil }
func G(in json.RawMessage) (any, error) { return "", nil }
func Str(a any) any                     { return a }
