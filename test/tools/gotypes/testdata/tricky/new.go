//go:build go1.99 && linux && amd64 && unix && !cgo && gc && !goexperiment.fieldtrack

package tricky

func NewEnough() {}
