//go:build ignore

package tricky

func Ignored() {}
