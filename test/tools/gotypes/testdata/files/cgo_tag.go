//go:build cgo

package files

func Cgo() {}
