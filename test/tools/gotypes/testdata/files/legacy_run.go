// +build linux
// not a constraint line

// +build ignore

package files

func LegacyRun() {}
