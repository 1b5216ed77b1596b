//go:build android || ios || purego || gccgo || race || goexperiment.regabi

package files

func Others() {}
