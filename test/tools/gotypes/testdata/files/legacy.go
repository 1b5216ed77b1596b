// +build !linux

package files

func NotLinux() {}
