//go:build linux
// +build !linux

package files

func GoBuildWins() {}
