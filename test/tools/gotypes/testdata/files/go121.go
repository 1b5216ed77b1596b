//go:build go1.21 && go1.99 || foo

package files

func Go121() {}
