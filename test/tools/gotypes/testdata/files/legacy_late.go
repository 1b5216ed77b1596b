// Copyright line

// +build ignore

// Package comment.
package files

func LegacyAfterBlank() {}
