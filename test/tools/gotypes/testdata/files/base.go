// Package files checks SPEC §1 file selection.
package files

func Base() {}
